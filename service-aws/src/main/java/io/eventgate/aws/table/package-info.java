/**
 * A service's table as its layout file ({@code eventgate/tables/<table>.yaml} in the owning service) describes it —
 * the one description that the service's local creation ({@link io.eventgate.aws.table.LocalTables}), gateway-infra
 * and the CDK app all read.
 */
package io.eventgate.aws.table;
