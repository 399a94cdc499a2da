/** The one static page a service serves (the tracking page, the back office) and its address. */
package io.eventgate.web.page;
