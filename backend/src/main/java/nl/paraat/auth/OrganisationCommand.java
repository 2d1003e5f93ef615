package nl.paraat.auth;

import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** Operator commands to set up organisations on a fresh installation, before any identity provider exists. */
@Command(name = "org", description = "Manage organisations.", mixinStandardHelpOptions = true,
        subcommands = {OrganisationCommand.Create.class, OrganisationCommand.ListAll.class,
                OrganisationCommand.SinglePersonPublishing.class})
@Prototype
final class OrganisationCommand {

    @Command(name = "create", description = "Create an organisation with the area it may publish for.",
            mixinStandardHelpOptions = true)
    @Prototype
    static final class Create implements Runnable {

        private final OrganisationService organisations;

        @Option(names = "--code", required = true, description = "Stable code, e.g. vr04-ijsselland.")
        String code;
        @Option(names = "--name", required = true, description = "Display name.")
        String name;
        @Option(names = "--kind", required = true, converter = KindConverter.class,
                description = "municipality, safety-region or national.")
        OrganisationKind kind;
        @Option(names = "--area", required = true, split = ",",
                description = "Area codes: GMxxxx, VRxx or NL; comma-separated or repeated.")
        List<String> area;

        Create(OrganisationService organisations) {
            this.organisations = organisations;
        }

        @Override
        public void run() {
            OrganisationView created = organisations.create(new NewOrganisation(code, name, kind, area), CliActor.name());
            System.out.printf("Created organisation %s (%s) for %s%n", created.code(), created.kind().value(),
                    String.join(",", created.area()));
        }
    }

    @Command(name = "list", description = "List organisations.", mixinStandardHelpOptions = true)
    @Prototype
    static final class ListAll implements Runnable {

        private final OrganisationService organisations;

        ListAll(OrganisationService organisations) {
            this.organisations = organisations;
        }

        @Override
        public void run() {
            organisations.list().forEach(org -> System.out.printf("%s\t%s\t%s\t%s%n", org.code(), org.kind().value(),
                    String.join(",", org.area()), org.name()));
        }
    }

    @Command(name = "single-person-publishing", mixinStandardHelpOptions = true,
            description = "Let members with the role alert-urgent publish an Extreme and Immediate message alone"
                    + " (each such message is flagged for review by a second person), or stop it.")
    @Prototype
    static final class SinglePersonPublishing implements Runnable {

        private final OrganisationService organisations;

        @Option(names = "--code", required = true, description = "The organisation's code.")
        String code;
        @Option(names = "--allow", negatable = true, required = true,
                description = "--allow to grant the privilege, --no-allow to withdraw it.")
        boolean allow;

        SinglePersonPublishing(OrganisationService organisations) {
            this.organisations = organisations;
        }

        @Override
        public void run() {
            OrganisationView changed = organisations.allowSinglePersonPublishing(code, allow, CliActor.name());
            System.out.printf("%s: single-person publishing %s%n", changed.code(),
                    changed.singlePersonPublishing() ? "allowed" : "not allowed");
        }
    }

    static final class KindConverter implements picocli.CommandLine.ITypeConverter<OrganisationKind> {
        @Override
        public OrganisationKind convert(String value) {
            return OrganisationKind.of(value);
        }
    }
}
