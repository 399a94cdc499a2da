package io.eventgate.localcloud.apigateway;

import io.eventgate.localcloud.LocalCloud;
import io.eventgate.localcloud.LocalCloudSettings;

/**
 * One local-cloud for every API Gateway test class in the test JVM: starting DynamoDB Local and ElasticMQ takes
 * seconds, and the tests isolate themselves by creating their own APIs, keys and plans. Stopped when the JVM exits.
 */
final class SharedCloud {

    private static LocalCloud cloud;

    private SharedCloud() {
    }

    static synchronized LocalCloud get() {
        if (cloud == null) {
            cloud = LocalCloud.start(LocalCloudSettings.forTests());
            Runtime.getRuntime().addShutdownHook(new Thread(cloud::close, "shared-local-cloud-stop"));
        }
        return cloud;
    }
}
