package io.eventgate.deploy.alarms;

import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;

/**
 * When an alarm fires: the statistic of its metric over {@code periodSeconds}, compared with the threshold, in
 * {@code datapoints} of the last {@code periods} periods. Missing data (a metric AWS sends only when non-zero) never
 * fires.
 */
public record AlarmSpec(String statistic, int periodSeconds, ComparisonOperator comparison, double threshold,
                        int periods, int datapoints) {

    /** Fires on the first period in which anything at all was counted. */
    public static AlarmSpec anyInFiveMinutes() {
        return new AlarmSpec("Sum", 300, ComparisonOperator.GREATER_THAN_THRESHOLD, 0, 1, 1);
    }

    /** Fires on the first minute in which the gauge's maximum was above zero. */
    public static AlarmSpec aboveZeroInAMinute() {
        return new AlarmSpec("Maximum", 60, ComparisonOperator.GREATER_THAN_THRESHOLD, 0, 1, 1);
    }
}
