package io.eventgate.infra;

import io.eventgate.infra.aws.AwsClients;
import io.eventgate.localcloud.LocalCloud;
import io.eventgate.localcloud.LocalCloudSettings;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local-cloud of one test class's own, a stub carrier and SDK clients on it: for the classes that apply the whole
 * topology, whose fixed names would collide on the {@link SharedLocalCloud}. Registered as a static
 * {@code @RegisterExtension} field: started before the class's own {@code @BeforeAll} methods, closed after its
 * {@code @AfterAll} ones.
 */
public final class OwnLocalCloud implements BeforeAllCallback, AfterAllCallback {

    private LocalCloud cloud;
    private StubCarrier carrier;
    private AwsClients aws;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        cloud = LocalCloud.start(LocalCloudSettings.forTests());
        carrier = new StubCarrier();
        aws = new AwsClients(LocalTopology.settings(cloud.endpoint(), Map.of()).aws());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (aws != null) {
            aws.close();
        }
        if (carrier != null) {
            carrier.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    public LocalCloud cloud() {
        return cloud;
    }

    public StubCarrier carrier() {
        return carrier;
    }

    public AwsClients aws() {
        return aws;
    }
}
