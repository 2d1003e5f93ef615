package nl.paraat.auth;

import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "member", description = "Manage the people of an organisation.", mixinStandardHelpOptions = true,
        subcommands = {MemberCommand.Create.class, MemberCommand.ListAll.class, MemberCommand.Remove.class})
@Prototype
final class MemberCommand {

    @Command(name = "create", description = "Register a person of an organisation.", mixinStandardHelpOptions = true)
    @Prototype
    static final class Create implements Runnable {

        private final MemberService members;

        @Option(names = "--org", required = true, description = "The organisation's code.")
        String organisation;
        @Option(names = "--subject", required = true,
                description = "The identity provider's subject for the person, or the organisation's own identifier.")
        String subject;
        @Option(names = "--name", required = true, description = "The person's name.")
        String name;

        Create(MemberService members) {
            this.members = members;
        }

        @Override
        public void run() {
            MemberView member = members.register(organisation, subject, name, CliActor.name());
            System.out.printf("Registered %s (%s) of %s%n", member.person(), member.name(), organisation);
        }
    }

    @Command(name = "list", description = "List an organisation's members.", mixinStandardHelpOptions = true)
    @Prototype
    static final class ListAll implements Runnable {

        private final MemberService members;

        @Option(names = "--org", required = true, description = "The organisation's code.")
        String organisation;

        ListAll(MemberService members) {
            this.members = members;
        }

        @Override
        public void run() {
            members.list(organisation).forEach(member -> System.out.printf("%s\t%s\t%s%n", member.subject(),
                    member.removedAt() == null ? "current" : "removed " + member.removedAt(), member.name()));
        }
    }

    @Command(name = "remove", description = "Remove a member; their keys and tokens stop working at once.",
            mixinStandardHelpOptions = true)
    @Prototype
    static final class Remove implements Runnable {

        private final MemberService members;

        @Option(names = "--org", required = true, description = "The organisation's code.")
        String organisation;
        @Option(names = "--subject", required = true, description = "The member's subject.")
        String subject;

        Remove(MemberService members) {
            this.members = members;
        }

        @Override
        public void run() {
            members.remove(organisation, subject, CliActor.name());
            System.out.printf("Removed member %s of %s%n", subject, organisation);
        }
    }
}
