package nl.paraat;

import io.micronaut.runtime.Micronaut;
import org.slf4j.bridge.SLF4JBridgeHandler;

public class Application {

    public static void main(String[] args) {
        boolean command = args.length > 0 && !args[0].startsWith("-");
        if (command && System.getProperty("logback.configurationFile") == null) {
            // Operator commands print their own output; set before the first logger is created.
            System.setProperty("logback.configurationFile", "logback-cli.xml");
        }
        // Liquibase logs through java.util.logging; route it to the one logging configuration.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        if (command) {
            System.exit(ParaatCli.run(args));
        }
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
