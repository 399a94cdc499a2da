package io.eventgate.infra.aws;

import io.eventgate.infra.settings.InfraSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients of one target, created on first use and closed together.
 *
 * <p>On a local endpoint every client points at it with dummy credentials (local-cloud and LocalStack accept any);
 * IAM and STS are never called there. On AWS the default credential chain and the region's endpoints apply.
 */
public final class AwsClients implements AutoCloseable {

    private static final String LOCAL_ACCOUNT = "000000000000";

    private final InfraSettings.Target target;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final List<AutoCloseable> opened = new ArrayList<>();

    private DynamoDbClient dynamo;
    private SqsClient sqs;
    private EventBridgeClient events;
    private ApiGatewayClient apiGateway;
    private IamClient iam;
    private String accountId;

    public AwsClients(InfraSettings.Target target) {
        this.target = target;
        this.credentials = target.local()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))
                : DefaultCredentialsProvider.builder().build();
        // The Apache client, because API Gateway updates use PATCH, which HttpURLConnection cannot send.
        this.http = ApacheHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(60))
                .build();
        opened.add(http);
    }

    public InfraSettings.Target target() {
        return target;
    }

    public synchronized DynamoDbClient dynamo() {
        if (dynamo == null) {
            dynamo = open(DynamoDbClient::builder);
        }
        return dynamo;
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = open(SqsClient::builder);
        }
        return sqs;
    }

    public synchronized EventBridgeClient events() {
        if (events == null) {
            events = open(EventBridgeClient::builder);
        }
        return events;
    }

    public synchronized ApiGatewayClient apiGateway() {
        if (apiGateway == null) {
            apiGateway = open(ApiGatewayClient::builder);
        }
        return apiGateway;
    }

    /** IAM is global; only ever used against AWS. */
    public synchronized IamClient iam() {
        requireAws("IAM");
        if (iam == null) {
            iam = IamClient.builder().region(Region.AWS_GLOBAL).credentialsProvider(credentials).httpClient(http)
                    .overrideConfiguration(timeouts()).build();
            opened.add(iam);
        }
        return iam;
    }

    /** The account: configured, {@code 000000000000} on a local endpoint, or asked of STS on AWS. */
    public synchronized String accountId() {
        if (accountId == null) {
            if (!target.accountId().isEmpty()) {
                accountId = target.accountId();
            } else if (target.local()) {
                accountId = LOCAL_ACCOUNT;
            } else {
                try (StsClient sts = StsClient.builder().region(Region.of(target.region()))
                        .credentialsProvider(credentials).httpClient(http).overrideConfiguration(timeouts()).build()) {
                    accountId = sts.getCallerIdentity().account();
                }
            }
        }
        return accountId;
    }

    public Arns arns() {
        return new Arns(target.region(), accountId());
    }

    private <C extends AutoCloseable, B extends AwsClientBuilder<B, C>> C open(Supplier<B> builder) {
        B b = builder.get().region(Region.of(target.region())).credentialsProvider(credentials)
                .overrideConfiguration(timeouts());
        target.endpointUri().ifPresent(b::endpointOverride);
        if (b instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http);
        }
        C client = b.build();
        opened.add(client);
        return client;
    }

    private static ClientOverrideConfiguration timeouts() {
        return ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(90)).build();
    }

    private void requireAws(String service) {
        if (target.local()) {
            throw new IllegalStateException(service + " is not called on a local endpoint");
        }
    }

    @Override
    public void close() {
        for (AutoCloseable client : opened.reversed()) {
            try {
                client.close();
            } catch (Exception e) {
                // Closing an HTTP pool cannot lose anything; there is nothing useful to do about it.
            }
        }
    }
}
