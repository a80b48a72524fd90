/** Test models, version 1. */
package io.oxyde.cli.shop;
