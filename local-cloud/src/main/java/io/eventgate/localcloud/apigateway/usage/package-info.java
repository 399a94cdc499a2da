/**
 * Usage-plan enforcement for API keys: a token bucket per key (rate + burst) and a quota per key and period,
 * which LocalStack does not enforce and AWS does.
 */
package io.eventgate.localcloud.apigateway.usage;
