/** Test models, version 2. */
package io.oxyde.cli.shop2;
