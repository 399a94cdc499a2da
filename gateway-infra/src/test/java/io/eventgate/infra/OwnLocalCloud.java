package io.eventgate.infra;

import io.eventgate.infra.aws.AwsClients;
import io.eventgate.localcloud.LocalCloud;
import io.eventgate.localcloud.LocalCloudSettings;
import java.io.IOException;
import java.util.Map;

/**
 * A local-cloud of one test class's own, a stub carrier and SDK clients on it: for the classes that apply the whole
 * topology, whose fixed names would collide on the {@link SharedLocalCloud}.
 */
public final class OwnLocalCloud implements AutoCloseable {

    public final LocalCloud cloud;
    public final StubCarrier carrier;
    public final AwsClients aws;

    public OwnLocalCloud() throws IOException {
        cloud = LocalCloud.start(LocalCloudSettings.forTests());
        carrier = new StubCarrier();
        aws = new AwsClients(LocalTopology.settings(cloud.endpoint(), Map.of()).aws());
    }

    @Override
    public void close() {
        aws.close();
        carrier.close();
        cloud.close();
    }
}
