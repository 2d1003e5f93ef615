package nl.paraat;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import nl.paraat.auth.AuthCommands;
import nl.paraat.content.ContentCommands;
import nl.paraat.common.ProblemException;
import picocli.CommandLine;

import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code java -jar paraat.jar <command>}: operator commands run against the configured database. */
@Command(name = "paraat", mixinStandardHelpOptions = true,
        description = "Paraat operator commands. Run without arguments to start the server.")
final class ParaatCli {

    private ParaatCli() {
    }

    static int run(String[] args) {
        try (ApplicationContext context = ApplicationContext.builder(Application.class)
                .environments("cli")
                .start()) {
            CommandLine commandLine = new CommandLine(new ParaatCli(), new MicronautFactory(context));
            commandLine.setOut(new PrintWriter(System.out, true));
            commandLine.setErr(new PrintWriter(System.err, true));
            AuthCommands.all().forEach(commandLine::addSubcommand);
            ContentCommands.all().forEach(commandLine::addSubcommand);
            commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
                String message = exception instanceof ProblemException || exception instanceof IllegalArgumentException
                        ? exception.getMessage() : exception.toString();
                command.getErr().println("error: " + message);
                return 2;
            });
            return commandLine.execute(args);
        }
    }
}
