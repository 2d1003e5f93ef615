package nl.paraat.content;

import io.micronaut.context.annotation.Prototype;
import nl.paraat.region.RegionService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "content", description = "Work with the content folder.", mixinStandardHelpOptions = true,
        subcommands = ContentCommand.Validate.class)
@Prototype
final class ContentCommand {

    /** For writers and CI: the same checks the server makes before it serves a folder. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check a content folder; print file:line: message for each problem; exit 1 on errors.")
    @Prototype
    static final class Validate implements Callable<Integer> {

        private final ContentConfiguration configuration;
        private final RegionService regions;

        @Spec
        CommandSpec spec;
        @Parameters(index = "0", defaultValue = "content", description = "The content folder (default: ${DEFAULT-VALUE}).")
        Path folder;
        @Option(names = "--stats", description = "Also print how long loading took and the heap it holds.")
        boolean stats;

        Validate(ContentConfiguration configuration, RegionService regions) {
            this.configuration = configuration;
            this.regions = regions;
        }

        @Override
        public Integer call() {
            long baseHeap = stats ? heapAfterGc() : 0;
            long started = System.nanoTime();
            ContentLoader.Result result = new ContentLoader(configuration, regions).load(folder);
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            result.errors().forEach(error -> spec.commandLine().getOut().println(error));
            result.warnings().forEach(warning -> spec.commandLine().getOut().println(warning));
            spec.commandLine().getOut().printf("%d pages, %d errors, %d warnings%n", result.pages().size(),
                    result.errors().size(), result.warnings().size());
            if (stats) {
                printStats(result, elapsedMillis, baseHeap);
            }
            return result.valid() ? 0 : 1;
        }

        private void printStats(ContentLoader.Result result, long elapsedMillis, long baseHeap) {
            ContentSnapshot snapshot = new ContentSnapshot(result.pages(), configuration.sourceLocale());
            long contentHeap = heapAfterGc() - baseHeap;
            spec.commandLine().getOut().printf("loaded and validated in %d ms; the loaded content holds %.1f MB of heap (version %s, %d pages)%n",
                    elapsedMillis, contentHeap / 1024.0 / 1024.0, snapshot.version(), snapshot.pageCount());
        }

        private static long heapAfterGc() {
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            return runtime.totalMemory() - runtime.freeMemory();
        }
    }
}
