package io.eventgate.carrier;

import io.eventgate.localcloud.LocalCloud;
import io.eventgate.localcloud.LocalCloudSettings;
import java.net.URI;

/** One local-cloud (DynamoDB Local behind the edge) for the whole test JVM; each test class uses its own table. */
public final class TestCloud {

    private static LocalCloud cloud;

    private TestCloud() {
    }

    public static synchronized URI endpoint() {
        if (cloud == null) {
            cloud = LocalCloud.start(LocalCloudSettings.forTests());
            Runtime.getRuntime().addShutdownHook(new Thread(cloud::close, "local-cloud-stop"));
        }
        return cloud.endpoint();
    }
}
