/** SQS, served by ElasticMQ on a loopback port behind the edge. */
package io.eventgate.localcloud.sqs;
