package io.eventgate.localcloud;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a local-cloud instance is started.
 *
 * @param bindAddress   interface the edge listens on ({@code 127.0.0.1}; {@code 0.0.0.0} in a container)
 * @param port          edge port; {@code 0} picks a free one (tests)
 * @param hostname      host name written into URLs that local-cloud hands out (queue URLs, invoke URLs)
 * @param region        the one region served
 * @param accountId     the one account served (12 digits)
 * @param dataDirectory where DynamoDB keeps its data; empty keeps everything in memory
 */
public record LocalCloudSettings(
        String bindAddress, int port, String hostname, String region, String accountId, Optional<Path> dataDirectory) {

    public static final int DEFAULT_PORT = 4566;
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "000000000000";

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    public LocalCloudSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        if (region == null || !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region must look like us-east-1, was " + region);
        }
        if (accountId == null || !ACCOUNT.matcher(accountId).matches()) {
            throw new IllegalArgumentException("accountId must be 12 digits, was " + accountId);
        }
    }

    /** Loopback, port 4566, {@code us-east-1}, account {@code 000000000000}, in memory. */
    public static LocalCloudSettings defaults() {
        return new LocalCloudSettings("127.0.0.1", DEFAULT_PORT, "localhost", DEFAULT_REGION, DEFAULT_ACCOUNT,
                Optional.empty());
    }

    /** Defaults on a free port: what tests embed. */
    public static LocalCloudSettings forTests() {
        return defaults().withPort(0);
    }

    public LocalCloudSettings withPort(int newPort) {
        return new LocalCloudSettings(bindAddress, newPort, hostname, region, accountId, dataDirectory);
    }

    public LocalCloudSettings withBindAddress(String newBindAddress) {
        return new LocalCloudSettings(newBindAddress, port, hostname, region, accountId, dataDirectory);
    }

    public LocalCloudSettings withHostname(String newHostname) {
        return new LocalCloudSettings(bindAddress, port, newHostname, region, accountId, dataDirectory);
    }

    public LocalCloudSettings withDataDirectory(Path directory) {
        return new LocalCloudSettings(bindAddress, port, hostname, region, accountId, Optional.of(directory));
    }
}
