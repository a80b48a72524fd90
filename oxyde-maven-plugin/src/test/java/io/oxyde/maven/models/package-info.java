/** The models of the sample project the goals run on. */
package io.oxyde.maven.models;
