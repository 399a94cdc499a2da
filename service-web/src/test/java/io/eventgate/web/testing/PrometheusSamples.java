package io.eventgate.web.testing;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of a Prometheus text exposition ({@code /actuator/prometheus}), for both services' tests. */
public final class PrometheusSamples {

    private PrometheusSamples() {
    }

    /** The value of the first sample of {@code metric} whose labels contain every one given; 0 when none. */
    public static double value(String exposition, String metric, String... labels) {
        Matcher sample = Pattern.compile("(?m)^" + metric + "(\\{[^}]*})? (\\S+)$").matcher(exposition);
        while (sample.find()) {
            String found = sample.group(1) == null ? "" : sample.group(1);
            if (List.of(labels).stream().allMatch(found::contains)) {
                return Double.parseDouble(sample.group(2));
            }
        }
        return 0;
    }
}
