package io.eventgate.deploy.alarms;

import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/** Alarms that notify the alarm topic when they fire and when they recover. */
public final class Alarms {

    private final Construct scope;
    private final ITopic topic;

    public Alarms(Construct scope, ITopic topic) {
        this.scope = scope;
        this.topic = topic;
    }

    /** A metric of an AWS namespace with the given dimensions; the statistic and period come from the spec. */
    public static Metric metric(String namespace, String name, Map<String, String> dimensions) {
        return Metric.Builder.create().namespace(namespace).metricName(name).dimensionsMap(dimensions).build();
    }

    public Alarm add(String name, String description, IMetric metric, AlarmSpec spec) {
        IMetric measured = metric instanceof Metric plain
                ? plain.with(software.amazon.awscdk.services.cloudwatch.MetricOptions.builder()
                        .statistic(spec.statistic())
                        .period(Duration.seconds(spec.periodSeconds()))
                        .build())
                : metric;
        Alarm alarm = Alarm.Builder.create(scope, name)
                .alarmName("eventgate-" + name)
                .alarmDescription(description)
                .metric(measured)
                .comparisonOperator(spec.comparison())
                .threshold(spec.threshold())
                .evaluationPeriods(spec.periods())
                .datapointsToAlarm(spec.datapoints())
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
        alarm.addOkAction(new SnsAction(topic));
        return alarm;
    }
}
