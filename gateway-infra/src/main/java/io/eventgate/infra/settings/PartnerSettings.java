package io.eventgate.infra.settings;

import io.eventgate.contracts.EventContract;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One partner that may publish events through the gateway: its own API key and usage plan on the stage, and the only
 * sources and event names that key may put on the bus. The gateway refuses (403) anything else from that key, and its
 * model checks each listed event against the event-contracts schema (400).
 *
 * @param name          lower-case name; the key's value is kept as {@code <NAME>_GATEWAY_API_KEY}
 * @param sources       the {@code metadata.source} values this key may use; a source belongs to one partner only
 * @param eventNames    the {@code metadata.eventName} values this key may use; each must be an event-contracts event
 * @param rateLimit     requests per second (the usage plan's throttle)
 * @param quotaPeriod   {@code DAY}, {@code WEEK} or {@code MONTH}
 */
public record PartnerSettings(String name, String apiKeyName, String usagePlanName, List<String> sources,
                              List<String> eventNames, double rateLimit, int burstLimit, int quotaLimit,
                              String quotaPeriod) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    /** The gateway envelope's own rule for {@code metadata.source}. */
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,255}");

    public PartnerSettings {
        Check.matches(name, NAME, "partners[].name");
        String where = "partners[" + name + "].";
        Check.text(apiKeyName, where + "apiKeyName");
        Check.text(usagePlanName, where + "usagePlanName");
        sources = List.copyOf(Check.notEmpty(sources, where + "sources"));
        for (String source : sources) {
            Check.matches(source, SOURCE, where + "sources");
            if (source.startsWith("aws.")) {
                throw new InvalidSettingsException(where + "sources: " + source + " is in AWS's own namespace,"
                        + " which EventBridge refuses to anyone");
            }
        }
        eventNames = List.copyOf(Check.notEmpty(eventNames, where + "eventNames"));
        for (String eventName : eventNames) {
            if (EventContract.byEventName(eventName).isEmpty()) {
                throw new InvalidSettingsException(where + "eventNames: " + eventName + " is not an event of"
                        + " event-contracts " + Arrays.stream(EventContract.values())
                        .map(EventContract::eventName).toList());
            }
        }
        Check.positive(rateLimit, where + "rateLimit");
        Check.range(burstLimit, 1, 1_000_000, where + "burstLimit");
        Check.range(quotaLimit, 1, Integer.MAX_VALUE, where + "quotaLimit");
        Check.matches(quotaPeriod, Pattern.compile("DAY|WEEK|MONTH"), where + "quotaPeriod");
    }

    /** Where the key's value is read from and kept: {@code carrier} → {@code CARRIER_GATEWAY_API_KEY}. */
    public String apiKeyVariable() {
        return name.toUpperCase(Locale.ROOT).replace('-', '_') + "_GATEWAY_API_KEY";
    }

    /** The output variable holding the key's id (what rules match in {@code detail.metadata.apiKeyId}). */
    public String apiKeyIdVariable() {
        return apiKeyVariable() + "_ID";
    }
}
