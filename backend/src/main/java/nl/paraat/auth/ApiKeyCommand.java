package nl.paraat.auth;

import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

@Command(name = "key", description = "Manage an organisation's API keys.", mixinStandardHelpOptions = true,
        subcommands = {ApiKeyCommand.Create.class, ApiKeyCommand.ListAll.class, ApiKeyCommand.Revoke.class})
@Prototype
final class ApiKeyCommand {

    @Command(name = "create", description = "Create an API key and print it once.", mixinStandardHelpOptions = true)
    @Prototype
    static final class Create implements Runnable {

        private final ApiKeyService keys;

        @Option(names = "--org", required = true, description = "The organisation's code.")
        String organisation;
        @Option(names = "--member", description = "The subject of the member the key is for; without it, a system key"
                + " (for a feed or an integration), which can never approve.")
        String member;
        @Option(names = "--label", required = true, description = "What the key is for, e.g. 'crisis room'.")
        String label;
        @Option(names = "--roles", required = true, split = ",", converter = RoleConverter.class,
                description = "editor, point-manager, alert-issuer, alert-approver, alert-urgent, admin; comma-separated.")
        List<Role> roles;

        Create(ApiKeyService keys) {
            this.keys = keys;
        }

        @Override
        public void run() {
            IssuedApiKey key = keys.create(organisation, label, roles, member, null, CliActor.name());
            System.out.printf("API key %s for %s, %s (%s)%n", key.id(), key.organisation(),
                    key.member() == null ? "system key" : "member " + key.member(),
                    String.join(",", key.roles().stream().map(Role::value).toList()));
            System.out.println("Store it now; it is not shown again:");
            System.out.println(key.key());
        }
    }

    @Command(name = "list", description = "List an organisation's API keys.", mixinStandardHelpOptions = true)
    @Prototype
    static final class ListAll implements Runnable {

        private final ApiKeyService keys;

        @Option(names = "--org", required = true, description = "The organisation's code.")
        String organisation;

        ListAll(ApiKeyService keys) {
            this.keys = keys;
        }

        @Override
        public void run() {
            keys.list(organisation).forEach(key -> System.out.printf("%s\t%s\t%s\t%s\t%s%n", key.id(),
                    key.revokedAt() == null ? "active" : "revoked " + key.revokedAt(),
                    key.member() == null ? "system" : key.member(),
                    String.join(",", key.roles().stream().map(Role::value).toList()), key.label()));
        }
    }

    @Command(name = "revoke", description = "Revoke an API key at once.", mixinStandardHelpOptions = true)
    @Prototype
    static final class Revoke implements Runnable {

        private final ApiKeyService keys;

        @Option(names = "--org", required = true, description = "The organisation's code.")
        String organisation;
        @Option(names = "--key", required = true, description = "The key's id (not its secret).")
        String key;

        Revoke(ApiKeyService keys) {
            this.keys = keys;
        }

        @Override
        public void run() {
            keys.revoke(organisation, key, CliActor.name());
            System.out.printf("Revoked API key %s of %s%n", key, organisation);
        }
    }

    static final class RoleConverter implements picocli.CommandLine.ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            return Role.of(value.strip());
        }
    }
}
