/** The services' DynamoDB tables as provisioned resources. */
package io.eventgate.infra.dynamodb;
