<?php
/**
 * Benchmark: knowledge base search at 10,000 articles (target p95 ≤ 50 ms).
 *
 * Usage: bash bin/wp-php.sh test bin/bench-kb.php [articles=10000] [queries=300]
 *
 * Writes synthetic index rows (post IDs from 2,000,000,000 up, mixed English and Japanese text,
 * tokenized exactly like real articles) into switchboard_kb_index, runs SearchIndex::search()
 * for a mix of English, Japanese and prefix queries, prints p50/p95/max, and deletes the rows.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

use Switchboard\Db\Schema;
use Switchboard\Kb\SearchIndex;
use Switchboard\Search\Tokenizer;

( static function ( array $argv ): void {
	global $wpdb;
	$articles = max( 100, (int) ( $argv[1] ?? 10000 ) );
	$queries  = max( 10, (int) ( $argv[2] ?? 300 ) );
	$table    = Schema::table( 'kb_index' );
	$base     = 2000000000;

	$en = explode( ' ', 'order shipping delivery return refund exchange size color warranty payment invoice coupon discount account password address parcel tracking damaged missing cancel subscription gift card store pickup express international customs battery charger cable screen repair manual install setup' );
	$ja = array( '返品', 'ポリシー', '配送', '注文', '支払い', '請求書', '交換', 'サイズ', '保証', '送料', 'クーポン', '割引', 'アカウント', 'パスワード', '住所', '追跡', '破損', 'キャンセル', '定期便', 'ギフト', '店舗', '受け取り', '修理', '説明書' );

	mt_srand( 42 );
	$pick = static function ( array $words, int $n ): string {
		$out = array();
		for ( $i = 0; $i < $n; $i++ ) {
			$out[] = $words[ mt_rand( 0, count( $words ) - 1 ) ];
		}
		return implode( ' ', $out );
	};

	$wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE post_id >= %d", $base ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	$started = microtime( true );
	$rows    = array();
	for ( $i = 0; $i < $articles; $i++ ) {
		$japanese = 0 === $i % 3;
		$title    = $japanese ? $pick( $ja, 3 ) : ucfirst( $pick( $en, 5 ) );
		$body     = $japanese ? $pick( $ja, 120 ) : $pick( $en, 250 );
		$rows[]   = $wpdb->prepare( '(%d, %d, 1, %s, %s, %s)', $base + $i, 0 === $i % 50 ? 1 : 0, gmdate( 'Y-m-d H:i:s' ), Tokenizer::index( $title ), Tokenizer::index( $title . "\n" . $body ) );
		if ( count( $rows ) === 500 ) {
			$wpdb->query( "INSERT INTO {$table} (post_id, is_internal, is_published, modified_at, title_text, search_text) VALUES " . implode( ',', $rows ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			$rows = array();
		}
	}
	if ( $rows ) {
		$wpdb->query( "INSERT INTO {$table} (post_id, is_internal, is_published, modified_at, title_text, search_text) VALUES " . implode( ',', $rows ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}
	$wpdb->query( "OPTIMIZE TABLE {$table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- merges the FULLTEXT cache, as a long-running site would have.
	printf( "kb-search: indexed %d synthetic articles in %.1f s\n", $articles, microtime( true ) - $started );

	$samples = array( 'return', 'refund policy', 'shipping international', 'damaged parcel', 'password', 'tracking', '返品', '配送', 'キャンセル', '返品ポリシー', 'サイズ交換', 'gift card', 'warr', 'subscription cancel' );
	$index   = new SearchIndex();
	$times   = array();
	$hits    = 0;
	foreach ( $samples as $q ) {
		$index->search( $q, 5 ); // Warm-up.
	}
	for ( $i = 0; $i < $queries; $i++ ) {
		$q       = $samples[ $i % count( $samples ) ];
		$t       = hrtime( true );
		$result  = $index->search( $q, 5, 0 === $i % 4 );
		$times[] = ( hrtime( true ) - $t ) / 1e6;
		$hits   += count( $result );
	}
	sort( $times );
	$p = static fn ( float $q ): float => $times[ (int) min( count( $times ) - 1, floor( $q * count( $times ) ) ) ];
	printf( "kb-search: %d queries (EN + JA, limit 5) on %d articles: p50 %.1f ms, p95 %.1f ms, max %.1f ms (target p95 <= 50 ms) %s\n", $queries, $articles, $p( 0.5 ), $p( 0.95 ), end( $times ), $p( 0.95 ) <= 50 ? 'OK' : 'SLOW' );
	printf( "kb-search: %.1f results per query on average\n", $hits / $queries );

	$wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE post_id >= %d", $base ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
} )( $argv );
