package io.eventgate.infra;

import io.eventgate.localcloud.LocalCloud;
import io.eventgate.localcloud.LocalCloudSettings;

/**
 * One local-cloud for the test classes that only need some resources of their own (with names no other class uses),
 * started on first use and stopped when the test JVM exits: starting one costs seconds.
 */
public final class SharedLocalCloud {

    private static LocalCloud cloud;

    private SharedLocalCloud() {
    }

    public static synchronized LocalCloud get() {
        if (cloud == null) {
            cloud = LocalCloud.start(LocalCloudSettings.forTests());
            Runtime.getRuntime().addShutdownHook(new Thread(cloud::close, "local-cloud-stop"));
        }
        return cloud;
    }
}
