/** cdk-nag: the AwsSolutions checks and the reasoned exceptions to them. */
package io.eventgate.deploy.nag;
