package io.eventgate.infra;

import io.eventgate.infra.aws.AwsClients;
import io.eventgate.localcloud.LocalCloud;
import io.eventgate.localcloud.LocalCloudSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local-cloud of one test class's own, a stub carrier and SDK clients on it: for the classes that apply the whole
 * topology, whose fixed names would collide on the {@link SharedLocalCloud}. Held in a static
 * {@code @RegisterExtension} field: it starts when JUnit first reads the field, before the class's {@code @BeforeAll}
 * methods, and is closed after its {@code @AfterAll} ones.
 */
public final class OwnLocalCloud implements AfterAllCallback {

    public final LocalCloud cloud;
    public final StubCarrier carrier;
    public final AwsClients aws;

    public OwnLocalCloud() {
        cloud = LocalCloud.start(LocalCloudSettings.forTests());
        try {
            carrier = new StubCarrier();
        } catch (IOException e) {
            cloud.close();
            throw new UncheckedIOException(e);
        }
        aws = new AwsClients(LocalTopology.settings(cloud.endpoint(), Map.of()).aws());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        aws.close();
        carrier.close();
        cloud.close();
    }
}
