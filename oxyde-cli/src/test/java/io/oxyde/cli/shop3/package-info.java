/** Test models, version 3 (a renamed table). */
package io.oxyde.cli.shop3;
