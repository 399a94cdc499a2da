/**
 * LocalStack, the containerised option, as the tests start it: the same image and environment as
 * {@code docker-compose.yml}, and the two services as host processes for the whole-flow test.
 */
package io.eventgate.infra.localstack;
