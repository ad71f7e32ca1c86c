<?php
/**
 * Counts test cases in a JUnit XML file (PHPUnit, Playwright) or a jest --json file.
 *
 * Usage: php bin/lib-test/count-results.php FILE
 *        php bin/lib-test/count-results.php --skips FILE
 * Prints "PASSED FAILED SKIPPED" (three integers) and exits 0, or exits 1 when the file is
 * missing or unreadable. A test case with <failure> or <error> is failed; with <skipped> skipped.
 * With --skips, prints one line per skipped JUnit test case that states a reason (Playwright
 * writes test.skip()'s description as a "skip" property), e.g.
 * "skipped: WooCommerce not installed (tests/api/orders.spec.ts › lists a customer's orders)".
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

$skips = '--skips' === ( $argv[1] ?? '' );
$file  = $skips ? ( $argv[2] ?? '' ) : ( $argv[1] ?? '' );
if ( '' === $file || ! is_readable( $file ) || 0 === filesize( $file ) ) {
	fwrite( STDERR, "no results file: $file\n" );
	exit( 1 );
}

$passed  = 0;
$failed  = 0;
$skipped = 0;

if ( str_ends_with( $file, '.json' ) ) {
	$json = json_decode( (string) file_get_contents( $file ), true );
	if ( ! is_array( $json ) || ! isset( $json['numTotalTests'] ) ) {
		fwrite( STDERR, "not a jest --json file: $file\n" );
		exit( 1 );
	}
	$passed  = (int) $json['numPassedTests'];
	$failed  = (int) $json['numFailedTests'];
	$skipped = (int) $json['numPendingTests'] + (int) ( $json['numTodoTests'] ?? 0 );
	// A test file that failed to run (syntax error, failing import) has no test cases: count it.
	$failed += (int) ( $json['numRuntimeErrorTestSuites'] ?? 0 );
} else {
	$previous = libxml_use_internal_errors( true );
	$xml      = simplexml_load_file( $file );
	libxml_use_internal_errors( $previous );
	if ( false === $xml ) {
		fwrite( STDERR, "not an XML file: $file\n" );
		exit( 1 );
	}
	$cases = $xml->xpath( '//testcase' );
	foreach ( is_array( $cases ) ? $cases : array() as $case ) {
		if ( isset( $case->failure ) || isset( $case->error ) ) {
			++$failed;
		} elseif ( isset( $case->skipped ) ) {
			++$skipped;
			$reason     = (string) ( $case->skipped['message'] ?? '' );
			$properties = $case->xpath( 'properties/property[@name="skip"]' );
			foreach ( is_array( $properties ) ? $properties : array() as $property ) {
				$reason = (string) $property['value'];
			}
			if ( $skips && '' !== $reason ) {
				printf( "%s (%s › %s)\n", $reason, (string) $case['classname'], (string) $case['name'] );
			}
		} else {
			++$passed;
		}
	}
}

if ( ! $skips ) {
	echo "$passed $failed $skipped\n";
}
