package org.vigil.organisation.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.organisation.InvitedUser;
import org.vigil.organisation.NewUser;
import org.vigil.organisation.OrganisationDetails;
import org.vigil.organisation.OrganisationManagement;
import org.vigil.organisation.UserManagement;
import org.vigil.shared.Actor;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.shared.VigilCommand;

/**
 * {@code java -jar vigil.jar admin create-platform-admin --email=… --name=…}: the first administrator of a new
 * installation, who then registers organisations and invites their administrators in the browser.
 */
@Component
class CreatePlatformAdminCommand implements VigilCommand {

    private final OrganisationManagement organisations;
    private final UserManagement users;
    private final TransactionTemplate transactions;
    private final String baseUrl;

    CreatePlatformAdminCommand(OrganisationManagement organisations, UserManagement users,
            TransactionTemplate transactions, @Value("${vigil.base-url:http://localhost:8080}") String baseUrl) {
        this.organisations = organisations;
        this.users = users;
        this.transactions = transactions;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public String name() {
        return "admin create-platform-admin";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        String email = option(arguments, "--email=");
        String name = option(arguments, "--name=");
        String operator = option(arguments, "--organisation=");
        if (email == null || name == null) {
            err.println("Give --email=ADDRESS and --name=\"FULL NAME\".");
            return 2;
        }
        try {
            InvitedUser invited = Tenancy.callAs(Actor.platform("create-platform-admin"),
                    () -> transactions.execute(status -> {
                        var organisation = organisations.directory(OrganisationKind.PLATFORM_OPERATOR).stream()
                                .findFirst()
                                .orElseGet(() -> organisations.register(new OrganisationDetails(
                                        OrganisationKind.PLATFORM_OPERATOR,
                                        operator == null ? "Vigil platform operator" : operator, null, null)));
                        return users.invite(organisation.id(), new NewUser(email, name, Set.of(Role.PLATFORM_ADMIN)));
                    }));
            out.printf("Platform administrator %s invited in %s.%n", invited.user().email(),
                    invited.user().organisationName());
            out.printf("Open this link to choose a password (valid until %s):%n%s%s%n", invited.link().expiresAt(),
                    baseUrl, invited.link().path());
            return 0;
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> err.println(error.field() + ": " + error.message()));
            return 2;
        }
    }

    private static String option(List<String> arguments, String prefix) {
        return arguments.stream().filter(argument -> argument.startsWith(prefix))
                .map(argument -> argument.substring(prefix.length()).strip()).filter(value -> !value.isEmpty())
                .findFirst().orElse(null);
    }
}
