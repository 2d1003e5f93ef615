package nl.paraat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.repository.GenericRepository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Features talk to each other through services; each keeps its repositories and tables to itself. */
@AnalyzeClasses(packages = "nl.paraat", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresKeepOutOfEachOthersRepositoriesAndTables = classes()
            .should(notTouchRepositoriesOrEntitiesOfAnotherFeature());

    @ArchTest
    static final ArchRule controllersDoNotUseRepositories = classes()
            .that().areAnnotatedWith(io.micronaut.http.annotation.Controller.class)
            .should().onlyDependOnClassesThat().areNotAssignableTo(GenericRepository.class);

    /** Each path through the code reads in one direction: no feature depends, however indirectly, on itself. */
    @ArchTest
    static final ArchRule featuresDependOnEachOtherWithoutCycles = slices().matching("nl.paraat.(*)..")
            .should().beFreeOfCycles();

    /** Publishing hands push a snapshot of what to send; push never reaches back into the alerts. */
    @ArchTest
    static final ArchRule pushDoesNotDependOnAlerts = noClasses().that().resideInAPackage("nl.paraat.push..")
            .should().dependOnClassesThat().resideInAPackage("nl.paraat.alert..");

    private static ArchCondition<JavaClass> notTouchRepositoriesOrEntitiesOfAnotherFeature() {
        return new ArchCondition<>("not use repositories or entities of another feature") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    boolean persistence = target.isAssignableTo(GenericRepository.class)
                            || target.isAnnotatedWith(MappedEntity.class);
                    if (persistence && target.getPackageName().startsWith("nl.paraat")
                            && !target.getPackageName().equals(origin.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
