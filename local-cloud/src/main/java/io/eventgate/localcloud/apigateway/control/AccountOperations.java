package io.eventgate.localcloud.apigateway.control;

import static io.eventgate.localcloud.apigateway.control.ControlRoutes.ok;

import io.eventgate.localcloud.edge.EdgeResponse;
import io.eventgate.localcloud.json.Json;
import io.eventgate.localcloud.state.StateStore;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GetAccount} and {@code UpdateAccount}: the account-wide settings infrastructure-as-code tools set before
 * anything else (the CloudWatch logging role). The throttle is AWS's default account quota (10,000 requests/s,
 * burst 5,000); local-cloud reports it but enforces only usage-plan throttles.
 */
final class AccountOperations {

    private static final String KEY = "apigateway/account";
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Set<String> FEATURES = Set.of("UsagePlans");

    /** The account as stored. */
    record Account(Optional<String> cloudwatchRoleArn, List<String> features) {
        Account {
            features = List.copyOf(features);
        }
    }

    private final StateStore state;
    private Account account; // guarded by this

    AccountOperations(StateStore state) {
        this.state = state;
        this.account = state.entries(KEY).stream().findFirst()
                .map(entry -> StateStore.read(entry.value(), Account.class))
                .orElse(new Account(Optional.empty(), List.of("UsagePlans")));
    }

    void register(ControlRoutes routes) {
        routes.add("GET", "/account", "GetAccount", c -> ok(view(current())))
                .add("PATCH", "/account", "UpdateAccount", this::update);
    }

    private synchronized Account current() {
        return account;
    }

    private EdgeResponse update(Call call) {
        List<PatchOperation> operations = PatchOperation.of(call.body());
        Account updated;
        synchronized (this) {
            Optional<String> role = account.cloudwatchRoleArn();
            Set<String> features = new LinkedHashSet<>(account.features());
            for (PatchOperation op : operations) {
                switch (op.path()) {
                    case "/cloudwatchRoleArn" -> {
                        if (!op.op().equals("replace")) {
                            throw op.unsupported();
                        }
                        String value = op.value().orElse("");
                        if (!value.isEmpty() && !ROLE_ARN.matcher(value).matches()) {
                            throw ControlErrors.badRequest("The role ARN is not well formed: " + value);
                        }
                        role = value.isEmpty() ? Optional.empty() : Optional.of(value);
                    }
                    case "/features" -> {
                        String feature = op.requiredValue();
                        if (!FEATURES.contains(feature)) {
                            throw ControlErrors.badRequest("Invalid feature specified: " + feature);
                        }
                        switch (op.op()) {
                            case "add" -> features.add(feature);
                            case "remove" -> features.remove(feature);
                            default -> throw op.unsupported();
                        }
                    }
                    default -> throw op.unsupported();
                }
            }
            account = new Account(role, List.copyOf(features));
            state.put(KEY, account);
            updated = account;
        }
        return ok(view(updated));
    }

    private static ObjectNode view(Account account) {
        ObjectNode view = Json.object();
        account.cloudwatchRoleArn().ifPresent(role -> view.put("cloudwatchRoleArn", role));
        view.putObject("throttleSettings").put("burstLimit", 5000).put("rateLimit", 10000.0);
        account.features().forEach(view.putArray("features")::add);
        view.put("apiKeyVersion", "4");
        return view;
    }
}
