/** The code examples of the guides in docs/, compiled and run; DocsSnippetsTest checks the guides quote them verbatim. */
package io.oxyde.docs;
