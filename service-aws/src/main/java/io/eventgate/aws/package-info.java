/**
 * How both services reach AWS: {@link io.eventgate.aws.ServiceAwsConfiguration} turns {@code eventgate.aws.*}
 * ({@link io.eventgate.aws.AwsSettings}) into the Spring Cloud AWS connection details every client is built from —
 * the starters' own clients (DynamoDB, SQS) and any a service builds with Spring Cloud AWS's
 * {@code AwsClientBuilderConfigurer}. Each service imports it explicitly.
 */
package io.eventgate.aws;
