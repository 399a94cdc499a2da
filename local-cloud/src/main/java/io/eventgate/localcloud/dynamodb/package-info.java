/** DynamoDB and DynamoDB Streams, served by DynamoDB Local on a loopback port behind the edge. */
package io.eventgate.localcloud.dynamodb;
