/**
 * DynamoDB and DynamoDB Streams, served by DynamoDB Local on a loopback port behind the edge, with what local-cloud
 * adds in front of it: AWS's request validation before any table lookup, table tags, continuous-backup settings and
 * item collection metrics.
 */
package io.eventgate.localcloud.dynamodb;
