/**
 * The AWS SDK v2 clients for one target (AWS, LocalStack or local-cloud), the ARNs of the topology's resources, and
 * how AWS errors are reported. The only place that decides endpoint, region and credentials.
 */
package io.eventgate.infra.aws;
