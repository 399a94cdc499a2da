package io.eventgate.localcloud.events.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Decides, as AWS does, whether an SQS queue policy lets EventBridge send a rule's events to the queue.
 *
 * <p>What is evaluated (anything else in a statement makes that statement not apply):
 * <ul>
 *   <li>{@code Effect} {@code Allow} or {@code Deny}; a matching {@code Deny} wins, otherwise one matching {@code Allow}
 *       is needed — no policy at all means no access;</li>
 *   <li>{@code Principal}: {@code "*"}, {@code {"Service": "events.amazonaws.com"}} (string or list) or
 *       {@code {"AWS": "*"}};</li>
 *   <li>{@code Action}: {@code sqs:SendMessage}, {@code sqs:*} or {@code *} (case-insensitive; string or list);</li>
 *   <li>{@code Resource}: the queue ARN, {@code *}, or a pattern with {@code *} / {@code ?} wildcards (absent counts
 *       as the queue itself);</li>
 *   <li>{@code Condition}: none, or {@code aws:SourceArn} under {@code ArnEquals}, {@code ArnLike},
 *       {@code StringEquals} or {@code StringLike} (value or list of values, wildcards for the {@code Like} forms),
 *       and {@code aws:SourceAccount} under {@code StringEquals}.</li>
 * </ul>
 */
final class QueuePolicy {

    static final String PRINCIPAL = "events.amazonaws.com";

    private QueuePolicy() {
    }

    /** Empty when allowed; otherwise why not, naming the missing permission. */
    static Optional<String> denial(JsonNode policy, String queueArn, String ruleArn, String accountId) {
        String missing = "the queue policy of " + queueArn + " must allow principal " + PRINCIPAL
                + " action sqs:SendMessage on " + queueArn + " with condition aws:SourceArn = " + ruleArn;
        if (policy == null) {
            return Optional.of("the queue has no policy; " + missing);
        }
        boolean allowed = false;
        for (JsonNode statement : statements(policy)) {
            if (!applies(statement, queueArn, ruleArn, accountId)) {
                continue;
            }
            if ("Deny".equalsIgnoreCase(statement.path("Effect").asString(""))) {
                return Optional.of("a Deny statement" + sid(statement) + " of the queue policy of " + queueArn
                        + " refuses " + PRINCIPAL + " for " + ruleArn);
            }
            allowed |= "Allow".equalsIgnoreCase(statement.path("Effect").asString(""));
        }
        return allowed ? Optional.empty() : Optional.of(missing);
    }

    private static String sid(JsonNode statement) {
        return statement.hasNonNull("Sid") ? " (" + statement.get("Sid").asString() + ")" : "";
    }

    private static List<JsonNode> statements(JsonNode policy) {
        JsonNode statement = policy.path("Statement");
        List<JsonNode> all = new ArrayList<>();
        if (statement.isArray()) {
            statement.forEach(all::add);
        } else if (statement.isObject()) {
            all.add(statement);
        }
        return all;
    }

    private static boolean applies(JsonNode statement, String queueArn, String ruleArn, String accountId) {
        return principalMatches(statement.path("Principal"))
                && anyMatches(statement.path("Action"), a -> matchesIgnoreCase(a, "sqs:SendMessage"))
                && (statement.path("Resource").isMissingNode()
                    || anyMatches(statement.path("Resource"), r -> glob(r, false).matcher(queueArn).matches()))
                && conditionHolds(statement.path("Condition"), ruleArn, accountId);
    }

    private static boolean principalMatches(JsonNode principal) {
        if (principal.isString()) {
            return "*".equals(principal.asString());
        }
        return anyMatches(principal.path("Service"), PRINCIPAL::equals)
                || anyMatches(principal.path("AWS"), "*"::equals);
    }

    private static boolean conditionHolds(JsonNode condition, String ruleArn, String accountId) {
        if (condition.isMissingNode() || condition.isNull()) {
            return true;
        }
        for (var operator : condition.properties()) {
            for (var key : operator.getValue().properties()) {
                String name = key.getKey().toLowerCase(Locale.ROOT);
                JsonNode values = key.getValue();
                boolean holds = switch (operator.getKey()) {
                    case "ArnEquals", "StringEquals" -> switch (name) {
                        case "aws:sourcearn" -> anyMatches(values, ruleArn::equals);
                        case "aws:sourceaccount" -> anyMatches(values, accountId::equals);
                        default -> false;
                    };
                    case "ArnLike", "StringLike" -> "aws:sourcearn".equals(name)
                            && anyMatches(values, v -> glob(v, false).matcher(ruleArn).matches());
                    default -> false;
                };
                if (!holds) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean anyMatches(JsonNode node, java.util.function.Predicate<String> test) {
        if (node.isString()) {
            return test.test(node.asString());
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (item.isString() && test.test(item.asString())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesIgnoreCase(String pattern, String action) {
        return glob(pattern, true).matcher(action).matches();
    }

    private static Pattern glob(String pattern, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }
}
