<?php
/**
 * Ticket core benchmark: seeds 100k tickets, 1M messages and 20k customers with bulk SQL, then
 * prints p50/p95 server time and SQL query count of the helpdesk's REST routes, and what the
 * plugin adds to requests that are not the helpdesk's. Figures, not a timed test.
 *
 *   npm run bench                       (bin/bench.sh: dedicated bench site, then this script)
 *   bash bin/bench.sh core              just this bench
 *
 * Run directly only against a site meant for it (bin/bench.sh sets it up); on the dev/test sites
 * it refuses to seed unless SWITCHBOARD_BENCH_SEED=1, and then removes its rows when done.
 *
 * Options (arguments or environment):
 *   --iterations=N   SWITCHBOARD_BENCH_ITERATIONS   measured runs per case (default 30)
 *   --reseed         SWITCHBOARD_BENCH_RESEED=1     drop the seeded rows and seed again
 *   --no-http        SWITCHBOARD_BENCH_HTTP=0       skip the over-HTTP figures
 *   --explain                                       print EXPLAIN of the list/search/count queries
 *   --no-search      SWITCHBOARD_BENCH_SEARCH=0     skip the full-text search cases (slow at this scale)
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

use Switchboard\Db\Schema;
use Switchboard\Search\Tokenizer;
use Switchboard\Tickets\Tags;
use Switchboard\Tickets\TicketService;

if ( ! defined( 'ABSPATH' ) ) {
	fwrite( STDERR, "Run through bin/bench.sh (or bin/wp-php.sh <env> bin/bench-core.php)\n" );
	exit( 1 );
}

const SB_BENCH_VERSION   = 4;
const SB_BENCH_OPTION    = 'switchboard_bench_seed';
const SB_BENCH_CUSTOMERS = 20000;
const SB_BENCH_TICKETS   = 100000;
const SB_BENCH_BIG       = 200; // Messages on the "long ticket".

/**
 * Options from argv and the environment.
 *
 * @return array{iterations: int, reseed: bool, http: bool, explain: bool}
 */
function sb_bench_options(): array {
	global $argv;
	$args = array_slice( (array) $argv, 1 );
	$opts = array(
		'iterations' => (int) ( getenv( 'SWITCHBOARD_BENCH_ITERATIONS' ) ?: 30 ),
		'reseed'     => '1' === getenv( 'SWITCHBOARD_BENCH_RESEED' ),
		'http'       => '0' !== getenv( 'SWITCHBOARD_BENCH_HTTP' ),
		'explain'    => false,
		'search'     => '0' !== getenv( 'SWITCHBOARD_BENCH_SEARCH' ),
	);
	foreach ( $args as $arg ) {
		if ( preg_match( '/^--iterations=(\d+)$/', (string) $arg, $m ) ) {
			$opts['iterations'] = (int) $m[1];
		} elseif ( '--reseed' === $arg ) {
			$opts['reseed'] = true;
		} elseif ( '--no-http' === $arg ) {
			$opts['http'] = false;
		} elseif ( '--no-search' === $arg ) {
			$opts['search'] = false;
		} elseif ( '--explain' === $arg ) {
			$opts['explain'] = true;
		}
	}
	$opts['iterations'] = max( 3, $opts['iterations'] );
	return $opts;
}

/**
 * Prints a line.
 *
 * @param string $line Text.
 */
function sb_bench_say( string $line ): void {
	fwrite( STDOUT, $line . "\n" );
}

/**
 * Runs SQL, dying loudly on an error (a silent seeding failure would fake every figure).
 *
 * @param string $sql SQL.
 */
function sb_bench_sql( string $sql ): int {
	global $wpdb;
	$result = $wpdb->query( $sql ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- literals built here.
	if ( false === $result ) {
		fwrite( STDERR, "[bench] SQL failed: {$wpdb->last_error}\n" . substr( $sql, 0, 600 ) . "\n" );
		exit( 1 );
	}
	return (int) $result;
}

/**
 * Sample texts: English and Japanese, customers and agents. Tokenised once; rows reuse them.
 *
 * @return array<string, array<string, string[]>> kind => lang => texts.
 */
function sb_bench_texts(): array {
	return array(
		'subject'  => array(
			'en' => array(
				'Where is my order?',
				'Refund for damaged mug',
				'Wrong size hoodie — exchange please',
				'Invoice needed for company purchase',
				'Package marked delivered but not received',
				'Discount code not working at checkout',
				'Question about espresso beans roast date',
				'Cancel my subscription',
				'Tote bag strap broke after a week',
				'Shipping to Canada: customs fees?',
				'Payment charged twice',
				'Change delivery address',
				'Wholesale pricing enquiry',
				'Warranty claim for grinder',
				'Gift wrapping request',
				'Account login problem',
			),
			'ja' => array(
				'注文した商品がまだ届きません',
				'返品と返金について',
				'マグカップが割れて届きました',
				'サイズ交換をお願いします',
				'領収書の発行について',
				'配送先住所の変更',
				'クーポンが使えません',
				'抹茶セットの賞味期限',
				'二重に請求されています',
				'ギフト包装はできますか',
			),
		),
		'customer' => array(
			'en' => array(
				"Hi, I ordered a hoodie last week and the tracking page has not changed for five days.\n\nCan you check where the parcel is? Thanks, and sorry to bother you.",
				"The mug arrived broken — the handle snapped off in the box. I would like a refund or a replacement, whichever is quicker.\n\nPhotos attached.",
				'Hello! The hoodie is lovely but too small. Could I exchange it for a large? I still have the original packaging.',
				'We bought twelve tote bags for our office. Our accounting team needs a proper invoice with our VAT number on it.',
				'The courier says the package was delivered yesterday but nothing is at my door and the neighbours have not seen it.',
				'Your discount code SPRING15 says it is invalid at checkout, but the newsletter said it runs until the end of the month.',
				'Quick question: what is the roast date of the espresso beans you are shipping this week? I like them fresh.',
				'I was charged twice for the same order. Please refund the duplicate payment as soon as possible.',
				'Could you send my order to my work address instead? I will not be home on Thursday.',
				'My grinder stopped working after three months. Is it still under warranty? What do you need from me?',
				'Thanks for the quick answer, that solved it. Have a great weekend!',
				'Any update on this? It has been a few days and I still have not heard back.',
			),
			'ja' => array(
				"お世話になっております。先週注文した抹茶セットがまだ届いていません。\n\n配送状況を確認していただけますか。",
				'届いた有田焼マグカップが割れていました。返品と返金をお願いしたいです。写真を添付します。',
				'パーカーのサイズが小さかったので、Lサイズに交換していただけますでしょうか。',
				'会社の経費で購入したため、宛名入りの領収書を発行していただけますか。',
				'配送先の住所を変更したいのですが、まだ間に合いますか。',
				'メールで届いたクーポンコードが使えませんでした。期限内のはずです。',
				'同じ注文で二重に請求されているようです。確認をお願いします。',
				'ご対応ありがとうございました。問題は解決しました。',
			),
		),
		'agent'    => array(
			'en' => array(
				'Thanks for reaching out! I have checked with the carrier: your parcel is at the local depot and should be delivered tomorrow.',
				'I am so sorry the mug arrived damaged. I have issued a full refund to your original payment method; it can take 3–5 business days to show.',
				'No problem at all — I have created an exchange for a large. Please use the prepaid return label attached to this email.',
				'Your invoice with the VAT number is attached. Let me know if your accounting team needs anything else.',
				'I have opened a claim with the courier for the missing package and sent a replacement today. You will get a new tracking number shortly.',
				'Sorry about that! The discount code had expired early by mistake. I have applied the 15% discount to your order manually.',
				'The beans shipping this week were roasted on Monday. We roast every week, so they will be fresh.',
				'You were right, the payment was captured twice. I have refunded the duplicate charge.',
				'Done — your order will now go to your work address. The courier will deliver on Thursday between 9 and 12.',
				'Your grinder is covered by the two-year warranty. Please send us the serial number and we will ship a replacement.',
			),
			'ja' => array(
				'お問い合わせありがとうございます。配送業者に確認したところ、明日お届け予定です。',
				'商品が破損していたとのこと、大変申し訳ございません。全額返金の手続きをいたしました。',
				'Lサイズへの交換を承りました。返送用の伝票を添付いたします。',
				'領収書を添付いたしました。ご確認ください。',
				'配送先住所の変更が完了しました。',
				'ご不便をおかけして申し訳ございません。割引を手動で適用いたしました。',
			),
		),
	);
}

/**
 * Whether this site may be seeded.
 */
function sb_bench_may_seed(): bool {
	$env = defined( 'SWITCHBOARD_RUNTIME_ENV' ) ? (string) SWITCHBOARD_RUNTIME_ENV : '';
	return 'bench' === $env || '1' === getenv( 'SWITCHBOARD_BENCH_SEED' );
}

/**
 * The seed marker, when the seeded rows are still there.
 *
 * @return array<string, mixed>|null
 */
function sb_bench_marker(): ?array {
	global $wpdb;
	$marker = get_option( SB_BENCH_OPTION );
	if ( ! is_array( $marker ) || SB_BENCH_VERSION !== (int) ( $marker['version'] ?? 0 ) ) {
		return null;
	}
	$have = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM ' . Schema::table( 'tickets' ) . ' WHERE id BETWEEN %d AND %d', $marker['tickets'][0], $marker['tickets'][1] ) );
	return SB_BENCH_TICKETS === $have ? $marker : null;
}

/**
 * Removes the seeded rows (by the id ranges in the marker).
 *
 * @param array<string, mixed> $marker Marker.
 */
function sb_bench_unseed( array $marker ): void {
	global $wpdb;
	list( $t0, $t1 ) = array_map( 'intval', $marker['tickets'] );
	list( $c0, $c1 ) = array_map( 'intval', $marker['customers'] );
	foreach ( array( 'messages', 'events', 'ticket_tags', 'ticket_meta', 'attachments' ) as $table ) {
		sb_bench_sql( 'DELETE FROM ' . Schema::table( $table ) . " WHERE ticket_id BETWEEN $t0 AND $t1" );
	}
	sb_bench_sql( 'DELETE FROM ' . Schema::table( 'tickets' ) . " WHERE id BETWEEN $t0 AND $t1" );
	sb_bench_sql( 'DELETE FROM ' . Schema::table( 'identities' ) . " WHERE customer_id BETWEEN $c0 AND $c1" );
	sb_bench_sql( 'DELETE FROM ' . Schema::table( 'customers' ) . " WHERE id BETWEEN $c0 AND $c1" );
	delete_option( SB_BENCH_OPTION );
	unset( $wpdb );
}

/**
 * Whether a table has an index.
 */
function sb_bench_has_index( string $table, string $index ): bool {
	global $wpdb;
	return (bool) $wpdb->get_var( $wpdb->prepare( "SHOW INDEX FROM $table WHERE Key_name = %s", $index ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
}

/**
 * SQL string literal.
 *
 * @param string $value Value.
 */
function sb_bench_q( string $value ): string {
	global $wpdb;
	return "'" . $wpdb->_real_escape( $value ) . "'";
}

/**
 * Agents the tickets are assigned to: the demo "agent" plus four bench agents.
 *
 * @return int[]
 */
function sb_bench_agents(): array {
	$ids   = array();
	$agent = get_user_by( 'login', 'agent' );
	if ( $agent ) {
		$ids[] = (int) $agent->ID;
	}
	foreach ( array( 'Kenji Sato', 'Maria Lopez', 'Tom Becker', 'Yuki Tanaka' ) as $i => $name ) {
		$login = 'bench_agent' . ( $i + 1 );
		$user  = get_user_by( 'login', $login );
		if ( $user ) {
			$ids[] = (int) $user->ID;
			continue;
		}
		$parts = explode( ' ', $name );
		$id    = wp_insert_user(
			array(
				'user_login'   => $login,
				'user_pass'    => wp_generate_password( 24 ),
				'user_email'   => $login . '@bench.example',
				'first_name'   => $parts[0],
				'last_name'    => $parts[1],
				'display_name' => $name,
				'role'         => 'switchboard_agent',
			)
		);
		if ( ! is_wp_error( $id ) ) {
			$ids[] = (int) $id;
		}
	}
	return $ids;
}

/**
 * Seeds everything with bulk SQL. Returns the marker.
 *
 * @return array<string, mixed>
 */
function sb_bench_seed(): array {
	global $wpdb;
	$start = microtime( true );
	$step  = static function ( string $what ) use ( &$start ): void {
		static $last = null;
		$now         = microtime( true );
		$last        = $last ?? $start;
		sb_bench_say( sprintf( '  seed: %-58s %6.1fs', $what, $now - $last ) );
		$last = $now;
	};

	$customers_t = Schema::table( 'customers' );
	$identities  = Schema::table( 'identities' );
	$tickets_t   = Schema::table( 'tickets' );
	$messages_t  = Schema::table( 'messages' );
	$events_t    = Schema::table( 'events' );
	$tt_t        = Schema::table( 'ticket_tags' );
	$pool_t      = $wpdb->prefix . 'switchboard_bench_pool';

	$wpdb->query( 'SET SESSION unique_checks = 0' );
	$wpdb->query( 'SET SESSION foreign_key_checks = 0' );
	$agents     = sb_bench_agents();
	$agent_list = implode( ',', $agents );
	$n_agents   = count( $agents );

	// The text pool: every sample text once, tokenised once by Search\Tokenizer::index().
	sb_bench_sql( "DROP TABLE IF EXISTS $pool_t" );
	sb_bench_sql( "CREATE TABLE $pool_t (id int unsigned NOT NULL, body_html mediumtext NOT NULL, body_text mediumtext NOT NULL, search_text mediumtext NOT NULL, PRIMARY KEY (id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci" );
	$offsets = array();
	$rows    = array();
	$id      = 0;
	foreach ( sb_bench_texts() as $kind => $langs ) {
		foreach ( $langs as $lang => $texts ) {
			$offsets[ $kind ][ $lang ] = array( $id, count( $texts ) );
			foreach ( $texts as $text ) {
				$html   = 'subject' === $kind ? '' : \Switchboard\Tickets\Html::from_text( $text );
				$rows[] = sprintf( '(%d,%s,%s,%s)', $id, sb_bench_q( $html ), sb_bench_q( $text ), sb_bench_q( Tokenizer::index( $text ) ) );
				++$id;
			}
		}
	}
	sb_bench_sql( "INSERT INTO $pool_t (id, body_html, body_text, search_text) VALUES " . implode( ',', $rows ) );
	$step( sprintf( 'text pool (%d texts, tokenised once)', $id ) );

	// A pool id for (kind, lang by $ja_expr, hash expression).
	$pick = static function ( string $kind, string $ja_expr, string $hash ) use ( $offsets ): string {
		list( $en0, $en_n ) = $offsets[ $kind ]['en'];
		list( $ja0, $ja_n ) = $offsets[ $kind ]['ja'];
		return "IF($ja_expr, $ja0 + ($hash) % $ja_n, $en0 + ($hash) % $en_n)";
	};

	// Fixed clock: tickets over ~695 days, the last one a day ago.
	$now  = time();
	$base = gmdate( 'Y-m-d H:i:s', $now - 695 * DAY_IN_SECONDS );
	$nows = gmdate( 'Y-m-d H:i:s', $now );

	// Customers: 20k, a quarter Japanese.
	$first_en = "'Emma','Liam','Olivia','Noah','Ava','Lucas','Mia','Ethan','Sophia','Mason','Chloe','Leo','Grace','Jack','Ella'";
	$last_en  = "'Smith','Jones','Taylor','Brown','Wilson','Evans','Thomas','Walker','White','Green','Hall','Wood','Clarke','Hughes'";
	$first_ja = "'陽翔','結衣','蓮','陽菜','湊','凛','大翔','紬','悠真','葵'";
	$last_ja  = "'佐藤','鈴木','高橋','田中','伊藤','渡辺','山本','中村','小林','加藤'";
	$n        = SB_BENCH_CUSTOMERS;
	sb_bench_sql(
		"INSERT INTO $customers_t (user_id, name, email, phone, locale, merged_into, ticket_count, created_at, updated_at)
		SELECT 0,
			IF(seq % 4 = 0, CONCAT(ELT(1 + (seq DIV 4) % 10, $last_ja), ' ', ELT(1 + (seq DIV 40) % 10, $first_ja)),
				CONCAT(ELT(1 + seq % 15, $first_en), ' ', ELT(1 + (seq DIV 15) % 14, $last_en))),
			CONCAT('bench.customer', seq, '@bench.example'),
			IF(seq % 3 = 0, CONCAT('+81 90 ', LPAD(seq, 8, '0')), ''),
			IF(seq % 4 = 0, 'ja', 'en_US'), 0, 0,
			'$base' + INTERVAL seq * 2900 SECOND, '$base' + INTERVAL seq * 2900 SECOND
		FROM seq_1_to_$n ORDER BY seq"
	);
	$c0 = (int) $wpdb->get_var( "SELECT id FROM $customers_t WHERE email = 'bench.customer1@bench.example'" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	$c1 = (int) $wpdb->get_var( "SELECT id FROM $customers_t WHERE email = 'bench.customer$n@bench.example'" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	if ( $c1 - $c0 + 1 !== $n ) {
		fwrite( STDERR, "[bench] customers are not contiguous ($c0..$c1)\n" );
		exit( 1 );
	}
	sb_bench_sql( "INSERT INTO $identities (customer_id, channel, identifier, label, created_at) SELECT id, 'email', email, '', created_at FROM $customers_t WHERE id BETWEEN $c0 AND $c1" );
	sb_bench_sql( "INSERT INTO $identities (customer_id, channel, identifier, label, created_at) SELECT id, 'phone', phone, '', created_at FROM $customers_t WHERE id BETWEEN $c0 AND $c1 AND phone <> ''" );
	$step( sprintf( 'customers + identities (%d)', $n ) );

	// Tickets: 100k. Distribution by hash of the sequence number:
	// status 5% new, 4% open, 3.5% pending, 2.5% on-hold (15% open work), 40% solved, 45% closed;
	// channel email 45%, web 20%, account 10%, chat 15%, messenger 5%, phone 5%;
	// priority low 20%, normal 60%, high 15%, urgent 5%; a quarter in Japanese;
	// unassigned: 60% of new tickets, 8% of the rest.
	$n    = SB_BENCH_TICKETS;
	$subj = $pick( 'subject', 'seq % 4 = 0', 'CRC32(CONCAT(\'u\', seq))' );
	$fts  = sb_bench_has_index( $tickets_t, 'search_text' );
	if ( $fts ) {
		sb_bench_sql( "ALTER TABLE $tickets_t DROP INDEX search_text" );
	}
	sb_bench_sql(
		"INSERT INTO $tickets_t (subject, status, is_open, priority, channel, customer_id, assignee_id, team_id, order_id, merged_into,
			message_count, preview, last_message_at, secret, search_text, created_at, updated_at)
		SELECT p.body_text, x.status, x.status IN ('new','open','pending','on-hold'), x.priority, x.channel,
			$c0 + CRC32(CONCAT('c', seq)) % " . SB_BENCH_CUSTOMERS . ",
			IF((x.status = 'new' AND x.r % 10 < 6) OR x.r % 100 < 8, 0, ELT(1 + x.r % $n_agents, $agent_list)),
			0, IF(x.r % 10 < 3, 1000 + x.r % 50000, 0), 0,
			0, '', x.created_at, MD5(CONCAT('bench', seq, RAND())), p.search_text, x.created_at, x.created_at
		FROM (
			SELECT seq,
				CRC32(CONCAT('r', seq)) AS r,
				'$base' + INTERVAL seq * 600 SECOND AS created_at,
				CASE WHEN CRC32(CONCAT('s', seq)) % 1000 < 50 THEN 'new'
					WHEN CRC32(CONCAT('s', seq)) % 1000 < 90 THEN 'open'
					WHEN CRC32(CONCAT('s', seq)) % 1000 < 125 THEN 'pending'
					WHEN CRC32(CONCAT('s', seq)) % 1000 < 150 THEN 'on-hold'
					WHEN CRC32(CONCAT('s', seq)) % 1000 < 550 THEN 'solved'
					ELSE 'closed' END AS status,
				CASE WHEN CRC32(CONCAT('p', seq)) % 100 < 20 THEN 0
					WHEN CRC32(CONCAT('p', seq)) % 100 < 80 THEN 1
					WHEN CRC32(CONCAT('p', seq)) % 100 < 95 THEN 2 ELSE 3 END AS priority,
				CASE WHEN CRC32(CONCAT('h', seq)) % 100 < 45 THEN 'email'
					WHEN CRC32(CONCAT('h', seq)) % 100 < 65 THEN 'web'
					WHEN CRC32(CONCAT('h', seq)) % 100 < 75 THEN 'account'
					WHEN CRC32(CONCAT('h', seq)) % 100 < 90 THEN 'chat'
					WHEN CRC32(CONCAT('h', seq)) % 100 < 95 THEN 'messenger' ELSE 'phone' END AS channel
			FROM seq_1_to_$n
		) x JOIN $pool_t p ON p.id = $subj
		ORDER BY x.seq"
	);
	$t0 = (int) $wpdb->get_var( $wpdb->prepare( "SELECT MIN(id) FROM $tickets_t WHERE created_at = %s", gmdate( 'Y-m-d H:i:s', strtotime( $base . ' UTC' ) + 600 ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	$t1 = $t0 + $n - 1;
	$step( sprintf( 'tickets (%d)', $n ) );

	// The long ticket: an open, assigned one with 200 messages.
	$big = $t0 + 4242;
	sb_bench_sql( "UPDATE $tickets_t SET status = 'open', is_open = 1, assignee_id = {$agents[0]} WHERE id = $big" );

	// Messages: ticket i gets 1 + (i*7) % 19 (1..19, 10 on average: 1M in all), the long ticket 200.
	// Odd ones from the customer, even ones agent replies; 1 in 10 agent messages a private note.
	// Ids ascend with time within a ticket, as when they arrive one by one.
	$m_fts = sb_bench_has_index( $messages_t, 'search_text' );
	if ( $m_fts ) {
		sb_bench_sql( "ALTER TABLE $messages_t DROP INDEX search_text" );
	}
	$ja      = '(t.id - ' . $t0 . ' + 1) % 4 = 0';
	$c_pick  = $pick( 'customer', $ja, 't.id * 7 + s.seq * 13' );
	$a_pick  = $pick( 'agent', $ja, 't.id * 5 + s.seq * 11' );
	$default = $agents[0];
	$chunk   = 10000;
	for ( $a = $t0; $a <= $t1; $a += $chunk ) {
		$b = min( $t1, $a + $chunk - 1 );
		sb_bench_sql(
			"INSERT INTO $messages_t (ticket_id, direction, author_type, author_id, channel, is_private, body_html, body_text, search_text,
				external_id, dedupe_key, delivery_status, delivery_attempts, delivery_error, meta, created_at)
			SELECT t.id, IF(s.seq % 2 = 1, 'in', 'out'), IF(s.seq % 2 = 1, 'customer', 'agent'),
				IF(s.seq % 2 = 1, t.customer_id, IF(t.assignee_id > 0, t.assignee_id, $default)),
				t.channel, IF(s.seq % 2 = 0 AND (t.id + s.seq) % 10 = 0, 1, 0),
				p.body_html, p.body_text, p.search_text,
				'', NULL, IF(s.seq % 2 = 0 AND (t.id + s.seq) % 10 <> 0, 'sent', ''), IF(s.seq % 2 = 0, 1, 0), NULL, '[]',
				t.created_at + INTERVAL (s.seq - 1) * 47 MINUTE
			FROM $tickets_t t
			JOIN seq_1_to_" . SB_BENCH_BIG . " s ON s.seq <= IF(t.id = $big, " . SB_BENCH_BIG . ", 1 + ((t.id - $t0) * 7) % 19)
			JOIN $pool_t p ON p.id = IF(s.seq % 2 = 1, $c_pick, $a_pick)
			WHERE t.id BETWEEN $a AND $b
			ORDER BY t.id, s.seq"
		);
	}
	$m0 = (int) $wpdb->get_var( "SELECT MIN(id) FROM $messages_t WHERE ticket_id = $t0" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	$m1 = (int) $wpdb->get_var( "SELECT MAX(id) FROM $messages_t WHERE ticket_id = $t1" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	$step( sprintf( 'messages (%d)', (int) $wpdb->get_var( "SELECT COUNT(*) FROM $messages_t WHERE ticket_id BETWEEN $t0 AND $t1" ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared

	// Store-time counters, exactly as TicketService::refresh_counters() computes them.
	for ( $a = $t0; $a <= $t1; $a += $chunk ) {
		$b = min( $t1, $a + $chunk - 1 );
		sb_bench_sql(
			"UPDATE $tickets_t t
			JOIN (
				SELECT ticket_id, SUM(is_private = 0) AS c,
					MAX(IF(is_private = 0, created_at, NULL)) AS last_at,
					MAX(IF(author_type = 'customer', created_at, NULL)) AS lc,
					MAX(IF(author_type = 'agent' AND is_private = 0, created_at, NULL)) AS la,
					MIN(IF(author_type = 'agent' AND is_private = 0, created_at, NULL)) AS fa,
					MAX(IF(is_private = 0, id, NULL)) AS last_id
				FROM $messages_t WHERE ticket_id BETWEEN $a AND $b GROUP BY ticket_id
			) g ON g.ticket_id = t.id
			JOIN $messages_t m ON m.id = g.last_id
			SET t.message_count = g.c,
				t.last_message_at = COALESCE(g.last_at, t.created_at),
				t.last_customer_message_at = g.lc,
				t.last_agent_reply_at = g.la,
				t.first_response_at = g.fa,
				t.first_response_seconds = IF(g.fa IS NULL, NULL, GREATEST(0, TIMESTAMPDIFF(SECOND, t.created_at, g.fa))),
				t.preview = IF(CHAR_LENGTH(TRIM(REGEXP_REPLACE(m.body_text, '\\\\s+', ' '))) > 160,
					CONCAT(RTRIM(LEFT(TRIM(REGEXP_REPLACE(m.body_text, '\\\\s+', ' ')), 159)), '…'),
					TRIM(REGEXP_REPLACE(m.body_text, '\\\\s+', ' '))),
				t.resolved_at = IF(t.is_open = 0, COALESCE(g.last_at, t.created_at) + INTERVAL 2 HOUR, NULL),
				t.updated_at = COALESCE(g.last_at, t.created_at)
			WHERE t.id BETWEEN $a AND $b"
		);
	}
	sb_bench_sql( "UPDATE $customers_t c JOIN (SELECT customer_id, COUNT(*) AS n FROM $tickets_t WHERE id BETWEEN $t0 AND $t1 GROUP BY customer_id) x ON x.customer_id = c.id SET c.ticket_count = x.n" );
	$step( 'ticket counters, previews, customer ticket counts' );

	// Tags: 35% of tickets have one, 10% a second one.
	$tags = array();
	foreach ( array( 'Refund', 'Shipping', 'Damaged', 'VIP', 'Exchange', 'Invoice', 'Bug', 'Feedback', '返品', '配送遅延', 'Wholesale', 'Warranty' ) as $name ) {
		$tag = ( new Tags() )->ensure( $name );
		if ( $tag ) {
			$tags[] = (int) $tag['id'];
		}
	}
	$tag_list = implode( ',', $tags );
	$n_tags   = count( $tags );
	sb_bench_sql( "INSERT IGNORE INTO $tt_t (ticket_id, tag_id) SELECT id, ELT(1 + CRC32(CONCAT('g', id)) % $n_tags, $tag_list) FROM $tickets_t WHERE id BETWEEN $t0 AND $t1 AND CRC32(CONCAT('t', id)) % 100 < 35" );
	sb_bench_sql( "INSERT IGNORE INTO $tt_t (ticket_id, tag_id) SELECT id, ELT(1 + CRC32(CONCAT('k', id)) % $n_tags, $tag_list) FROM $tickets_t WHERE id BETWEEN $t0 AND $t1 AND CRC32(CONCAT('t', id)) % 100 < 10" );

	// Events: created, and the status change that solved/closed a ticket.
	sb_bench_sql( "INSERT INTO $events_t (ticket_id, actor_type, actor_id, type, data, created_at) SELECT id, 'customer', customer_id, 'created', CONCAT('{\"channel\":\"', channel, '\"}'), created_at FROM $tickets_t WHERE id BETWEEN $t0 AND $t1 ORDER BY id" );
	sb_bench_sql( "INSERT INTO $events_t (ticket_id, actor_type, actor_id, type, data, created_at) SELECT id, 'agent', IF(assignee_id > 0, assignee_id, $default), 'status_changed', CONCAT('{\"from\":\"open\",\"to\":\"', status, '\"}'), resolved_at FROM $tickets_t WHERE id BETWEEN $t0 AND $t1 AND is_open = 0 ORDER BY id" );
	// A few events on the long ticket, like a real one.
	foreach ( array( 'priority_changed', 'assigned', 'tags_changed' ) as $i => $type ) {
		sb_bench_sql( "INSERT INTO $events_t (ticket_id, actor_type, actor_id, type, data, created_at) SELECT id, 'agent', $default, '$type', '{}', created_at + INTERVAL " . ( ( $i + 1 ) * 300 ) . " MINUTE FROM $tickets_t WHERE id = $big" );
	}
	$step( 'tags and events' );

	// One search document per ticket: its subject and the words of all its messages, as
	// Tickets\SearchDocument keeps it (here messages repeat pool texts, so whole texts are
	// de-duplicated rather than single words: slightly larger documents, a pessimistic bench).
	sb_bench_sql( 'SET SESSION group_concat_max_len = 200000' );
	for ( $a = $t0; $a <= $t1; $a += $chunk ) {
		$b = min( $t1, $a + $chunk - 1 );
		sb_bench_sql(
			"UPDATE $tickets_t t
			JOIN ( SELECT ticket_id, LEFT(GROUP_CONCAT(DISTINCT search_text SEPARATOR ' '), 59000) AS words FROM $messages_t WHERE ticket_id BETWEEN $a AND $b GROUP BY ticket_id ) g ON g.ticket_id = t.id
			SET t.search_text = CONCAT(t.search_text, ' ', g.words)
			WHERE t.id BETWEEN $a AND $b"
		);
	}
	$step( 'per-ticket search documents' );

	// FULLTEXT indexes built once over the loaded rows (far faster than row by row).
	sb_bench_sql( "ALTER TABLE $tickets_t ADD FULLTEXT KEY search_text (search_text)" );
	$step( 'FULLTEXT index on tickets.search_text' );
	sb_bench_sql( "ALTER TABLE $messages_t ADD FULLTEXT KEY search_text (search_text)" );
	$step( 'FULLTEXT index on messages.search_text' );
	unset( $fts, $m_fts );

	sb_bench_sql( "DROP TABLE IF EXISTS $pool_t" );
	foreach ( array( 'customers', 'identities', 'tickets', 'messages', 'events', 'ticket_tags', 'tags' ) as $table ) {
		$wpdb->query( 'ANALYZE TABLE ' . Schema::table( $table ) );
	}
	$step( 'ANALYZE TABLE' );

	$marker = array(
		'version'   => SB_BENCH_VERSION,
		'customers' => array( $c0, $c1 ),
		'tickets'   => array( $t0, $t1 ),
		'messages'  => array( $m0, $m1 ),
		'big'       => $big,
		'agents'    => $agents,
		'seeded_at' => $nows,
		'seconds'   => round( microtime( true ) - $start, 1 ),
	);
	update_option( SB_BENCH_OPTION, $marker, false );
	return $marker;
}

/**
 * Percentile of sorted numbers (nearest rank).
 *
 * @param float[] $values Values.
 */
function sb_bench_pct( array $values, float $pct ): float {
	sort( $values );
	$rank = (int) ceil( $pct / 100 * count( $values ) );
	return (float) $values[ max( 0, min( count( $values ) - 1, $rank - 1 ) ) ];
}

/**
 * Dispatches a REST request in process and serialises the response as the server would.
 *
 * @param string               $method Method.
 * @param string               $route  Route.
 * @param array<string, mixed> $params Query (GET) or JSON body.
 * @return array{0: int, 1: mixed, 2: array<string, string>} status, data, headers.
 */
function sb_bench_dispatch( string $method, string $route, array $params = array() ): array {
	$request = new WP_REST_Request( $method, $route );
	if ( 'GET' === $method ) {
		$request->set_query_params( $params );
	} else {
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( $params ) );
	}
	$server   = rest_get_server();
	$response = rest_ensure_response( $server->dispatch( $request ) );
	$data     = $server->response_to_data( $response, false );
	wp_json_encode( $data );
	return array( $response->get_status(), $data, $response->get_headers() );
}

/**
 * Measures a callable: warm-up runs, then $n timed ones (ms) with their query counts.
 *
 * @param callable $fn Returns the HTTP status.
 * @return array{p50: float, p95: float, q_min: int, q_max: int, status: int}
 */
function sb_bench_measure( callable $fn, int $n ): array {
	global $wpdb;
	// Warm-up (opcache, buffer pool, route registration). A case that takes seconds gets fewer
	// runs: at least 3, and no more once 45 s have been spent on it.
	$t = hrtime( true );
	$fn();
	$slow = ( hrtime( true ) - $t ) / 1e9 > 2.0;
	if ( ! $slow ) {
		$fn();
	}
	$times   = array();
	$queries = array();
	$status  = 0;
	$spent   = 0.0;
	for ( $i = 0; $i < $n; $i++ ) {
		$q         = $wpdb->num_queries;
		$t         = hrtime( true );
		$status    = (int) $fn();
		$ms        = ( hrtime( true ) - $t ) / 1e6;
		$times[]   = $ms;
		$queries[] = $wpdb->num_queries - $q;
		$spent    += $ms / 1000;
		if ( ( $slow && $i >= 1 ) || ( $i >= 2 && $spent > 45 ) ) {
			break;
		}
	}
	return array(
		'p50'    => sb_bench_pct( $times, 50 ),
		'p95'    => sb_bench_pct( $times, 95 ),
		'q_min'  => min( $queries ),
		'q_max'  => max( $queries ),
		'status' => $status,
		'runs'   => count( $times ),
	);
}

/**
 * A logged-in HTTP client for the site (curl, cookies + REST nonce).
 */
final class SB_Bench_Http {

	/**
	 * Cookie jar file.
	 *
	 * @var string
	 */
	private string $jar;

	/**
	 * REST nonce.
	 *
	 * @var string
	 */
	private string $nonce = '';

	/**
	 * Base URL.
	 *
	 * @var string
	 */
	private string $base;

	/**
	 * Logs in (or stays a guest with $login = '').
	 */
	public function __construct( string $base, string $login = '', string $password = 'password' ) {
		$this->base = rtrim( $base, '/' );
		$this->jar  = (string) tempnam( sys_get_temp_dir(), 'sb-bench-cookies' );
		if ( '' === $login ) {
			return;
		}
		$this->get( '/wp-login.php' );
		$this->request(
			'POST',
			'/wp-login.php',
			http_build_query(
				array(
					'log'        => $login,
					'pwd'        => $password,
					'testcookie' => '1',
					'wp-submit'  => 'Log In',
				)
			),
			array( 'Content-Type: application/x-www-form-urlencoded' )
		);
		$nonce       = $this->get( '/wp-admin/admin-ajax.php?action=rest-nonce' );
		$this->nonce = preg_match( '/^[0-9a-f]{10}$/', trim( $nonce['body'] ) ) ? trim( $nonce['body'] ) : '';
	}

	/**
	 * Whether the login worked.
	 */
	public function ok(): bool {
		return '' !== $this->nonce;
	}

	/**
	 * GET.
	 *
	 * @return array{status: int, ms: float, body: string, queries: int|null, server_ms: float|null}
	 */
	public function get( string $path ): array {
		return $this->request( 'GET', $path );
	}

	/**
	 * One request; reads the bench mu-plugin's trailer when present.
	 *
	 * @param string[] $headers Extra headers.
	 * @return array{status: int, ms: float, body: string, queries: int|null, server_ms: float|null}
	 */
	public function request( string $method, string $path, string $body = '', array $headers = array() ): array {
		$ch = curl_init( $this->base . $path );
		if ( '' !== $this->nonce ) {
			$headers[] = 'X-WP-Nonce: ' . $this->nonce;
		}
		curl_setopt_array(
			$ch,
			array(
				CURLOPT_CUSTOMREQUEST  => $method,
				CURLOPT_RETURNTRANSFER => true,
				CURLOPT_COOKIEJAR      => $this->jar,
				CURLOPT_COOKIEFILE     => $this->jar,
				CURLOPT_HTTPHEADER     => $headers,
				CURLOPT_TIMEOUT        => 60,
				CURLOPT_FOLLOWLOCATION => false,
			)
		);
		if ( '' !== $body ) {
			curl_setopt( $ch, CURLOPT_POSTFIELDS, $body );
		}
		$out    = (string) curl_exec( $ch );
		$status = (int) curl_getinfo( $ch, CURLINFO_HTTP_CODE );
		$ms     = (float) curl_getinfo( $ch, CURLINFO_TOTAL_TIME ) * 1000;
		curl_close( $ch );
		$queries   = null;
		$server_ms = null;
		if ( preg_match( '/<!--sb-bench queries=(\d+) ms=([\d.]+) plugin=(\d)-->\s*$/', $out, $m ) ) {
			$queries   = (int) $m[1];
			$server_ms = (float) $m[2];
		}
		return array(
			'status'    => $status,
			'ms'        => $ms,
			'body'      => $out,
			'queries'   => $queries,
			'server_ms' => $server_ms,
		);
	}

	/**
	 * Removes the cookie jar.
	 */
	public function __destruct() {
		if ( is_file( $this->jar ) ) {
			unlink( $this->jar ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		}
	}
}

/**
 * Measures one URL over HTTP: median/p95 of total time and the (max) query count.
 *
 * @return array{p50: float, p95: float, server_p50: float|null, q: int|null, status: int}
 */
function sb_bench_http( SB_Bench_Http $client, string $path, int $n ): array {
	$client->get( $path );
	$times  = array();
	$server = array();
	$q      = null;
	$status = 0;
	for ( $i = 0; $i < $n; $i++ ) {
		$r       = $client->get( $path );
		$status  = $r['status'];
		$times[] = $r['ms'];
		if ( null !== $r['server_ms'] ) {
			$server[] = $r['server_ms'];
			$q        = max( (int) $q, (int) $r['queries'] );
		}
	}
	return array(
		'p50'        => sb_bench_pct( $times, 50 ),
		'p95'        => sb_bench_pct( $times, 95 ),
		'server_p50' => $server ? sb_bench_pct( $server, 50 ) : null,
		'q'          => $q,
		'status'     => $status,
	);
}

/**
 * Prints EXPLAIN for the main queries.
 *
 * @param array<string, mixed> $marker Marker.
 */
function sb_bench_explain( array $marker ): void {
	global $wpdb;
	$t    = Schema::table( 'tickets' );
	$m    = Schema::table( 'messages' );
	$tt   = Schema::table( 'ticket_tags' );
	$tg   = Schema::table( 'tags' );
	$en   = Tokenizer::query( 'refund' );
	$ja   = Tokenizer::query( '返品' );
	$list = array(
		'inbox p1'       => "SELECT t.id FROM $t t WHERE t.is_open = 1 ORDER BY t.last_message_at DESC, t.id DESC LIMIT 25 OFFSET 0",
		'inbox count'    => "SELECT COUNT(*) FROM $t t WHERE t.is_open = 1",
		'filtered'       => "SELECT t.id FROM $t t JOIN $tt tt ON tt.ticket_id = t.id JOIN $tg tg ON tg.id = tt.tag_id AND tg.slug = 'refund' WHERE t.is_open = 1 AND t.channel IN ('email') ORDER BY t.priority DESC, t.last_message_at DESC, t.id DESC LIMIT 25",
		'filtered count' => "SELECT COUNT(*) FROM $t t JOIN $tt tt ON tt.ticket_id = t.id JOIN $tg tg ON tg.id = tt.tag_id AND tg.slug = 'refund' WHERE t.is_open = 1 AND t.channel IN ('email')",
		'queues'         => "SELECT status, channel, assignee_id, COUNT(*) AS n FROM $t WHERE is_open = 1 GROUP BY status, channel, assignee_id",
		'solved count'   => "SELECT COUNT(*) FROM $t WHERE status = 'solved'",
		'search en'      => $wpdb->prepare( "SELECT t.id FROM $t t WHERE ( MATCH(t.search_text) AGAINST (%s IN BOOLEAN MODE) OR t.id IN ( SELECT m.ticket_id FROM $m m WHERE MATCH(m.search_text) AGAINST (%s IN BOOLEAN MODE) ) ) ORDER BY t.last_message_at DESC, t.id DESC LIMIT 25", $en, $en ), // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		'search ja'      => $wpdb->prepare( "SELECT t.id FROM $t t WHERE ( MATCH(t.search_text) AGAINST (%s IN BOOLEAN MODE) OR t.id IN ( SELECT m.ticket_id FROM $m m WHERE MATCH(m.search_text) AGAINST (%s IN BOOLEAN MODE) ) ) ORDER BY t.last_message_at DESC, t.id DESC LIMIT 25", $ja, $ja ), // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	);
	foreach ( $list as $label => $sql ) {
		sb_bench_say( "EXPLAIN $label:" );
		foreach ( (array) $wpdb->get_results( 'EXPLAIN ' . $sql, ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			sb_bench_say( sprintf( '  %-8s %-6s type=%-10s key=%-22s rows=%-8s %s', $row['table'], $row['select_type'], $row['type'], (string) $row['key'], (string) $row['rows'], (string) $row['Extra'] ) );
		}
	}
	unset( $marker );
}

// ------------------------------------------------------------------------------------------------
// Seed

$sb_opts = sb_bench_options();
global $wpdb;
if ( ! class_exists( Schema::class ) || ! $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', Schema::table( 'tickets' ) ) ) ) {
	fwrite( STDERR, "[bench] Switchboard is not active on this site (no tickets table)\n" );
	exit( 1 );
}

$sb_marker = sb_bench_marker();
if ( $sb_marker && $sb_opts['reseed'] ) {
	sb_bench_say( 'reseed: removing the earlier bench rows' );
	sb_bench_unseed( $sb_marker );
	$sb_marker = null;
}
$sb_seeded_now = false;
if ( ! $sb_marker ) {
	if ( ! sb_bench_may_seed() ) {
		fwrite( STDERR, "[bench] refusing to seed 100k tickets into this site: run through bin/bench.sh (dedicated bench site) or set SWITCHBOARD_BENCH_SEED=1\n" );
		exit( 1 );
	}
	$stale = get_option( SB_BENCH_OPTION );
	if ( is_array( $stale ) && isset( $stale['tickets'], $stale['customers'] ) ) {
		sb_bench_say( 'an earlier, incomplete or older seed is there: removing it' );
		sb_bench_unseed( $stale );
	}
	sb_bench_say( sprintf( 'seeding %d customers, %d tickets, ~1M messages with bulk SQL…', SB_BENCH_CUSTOMERS, SB_BENCH_TICKETS ) );
	$sb_marker     = sb_bench_seed();
	$sb_seeded_now = true;
	sb_bench_say( sprintf( 'seeded in %.1fs', $sb_marker['seconds'] ) );
} else {
	sb_bench_say( sprintf( 'reusing the data seeded at %s UTC (took %.1fs; SWITCHBOARD_BENCH_RESEED=1 seeds again)', $sb_marker['seeded_at'], $sb_marker['seconds'] ) );
}

$sb_counts = array();
foreach ( array( 'customers', 'tickets', 'messages', 'events', 'ticket_tags' ) as $sb_table ) {
	$sb_counts[] = $sb_table . ' ' . number_format( (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( $sb_table ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
}
sb_bench_say( 'rows: ' . implode( ', ', $sb_counts ) );
$sb_open = (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'tickets' ) . ' WHERE is_open = 1' ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
sb_bench_say( sprintf( 'open tickets: %s (%.1f%%); long ticket #%d has %d messages', number_format( $sb_open ), 100 * $sb_open / max( 1, SB_BENCH_TICKETS ), $sb_marker['big'], (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM ' . Schema::table( 'messages' ) . ' WHERE ticket_id = %d', $sb_marker['big'] ) ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared

if ( $sb_opts['explain'] ) {
	sb_bench_explain( $sb_marker );
}

// ------------------------------------------------------------------------------------------------
// Measure in process, as the agent

$sb_agent = get_user_by( 'login', 'agent' );
if ( ! $sb_agent ) {
	fwrite( STDERR, "[bench] no 'agent' user on this site\n" );
	exit( 1 );
}
wp_set_current_user( (int) $sb_agent->ID );
if ( defined( 'SAVEQUERIES' ) && SAVEQUERIES ) {
	sb_bench_say( 'note: SAVEQUERIES is on; times include its overhead' );
}
$sb_n     = $sb_opts['iterations'];
$sb_open  = 'new,open,pending,on-hold';
$sb_big   = (int) $sb_marker['big'];
$sb_rows  = array();
$sb_fails = array();

/**
 * One row of the results table.
 *
 * @param string      $label   Case.
 * @param array       $m       Measurement.
 * @param float|null  $max_ms  Target p95 (ms) or null.
 * @param int|null    $max_q   Target queries or null.
 * @param string      $note    Extra.
 */
$sb_row = static function ( string $label, array $m, ?float $max_ms, ?int $max_q, string $note = '' ) use ( &$sb_rows ): void {
	$target = array();
	$pass   = $m['status'] >= 200 && $m['status'] < 300;
	if ( null !== $max_ms ) {
		$target[] = sprintf( 'p95 ≤ %d ms', $max_ms );
		$pass     = $pass && $m['p95'] <= $max_ms;
	}
	if ( null !== $max_q ) {
		$target[] = sprintf( '≤ %d q', $max_q );
		$pass     = $pass && $m['q_max'] <= $max_q;
	}
	$sb_rows[] = array(
		'label'  => $label,
		'target' => $target ? implode( ', ', $target ) : '—',
		'p50'    => sprintf( '%.1f', $m['p50'] ),
		'p95'    => sprintf( '%.1f', $m['p95'] ),
		'q'      => $m['q_min'] === $m['q_max'] ? (string) $m['q_max'] : $m['q_min'] . '–' . $m['q_max'],
		'result' => ( null === $max_ms && null === $max_q ) ? 'info' : ( $pass ? 'PASS' : 'MISS' ),
		'note'   => ( $m['status'] >= 200 && $m['status'] < 300 ? '' : 'HTTP ' . $m['status'] . ' ' ) . $note . ( isset( $m['runs'] ) && $m['runs'] < 5 ? sprintf( ' (only %d runs: slow)', $m['runs'] ) : '' ),
	);
	$last      = end( $sb_rows );
	sb_bench_say( sprintf( '  %-66s p50 %8s  p95 %8s ms  q %-5s %s', $last['label'], $last['p50'], $last['p95'], $last['q'], $last['result'] ) );
};

$sb_get = static function ( string $route, array $params = array() ): callable {
	return static function () use ( $route, $params ): int {
		return sb_bench_dispatch( 'GET', $route, $params )[0];
	};
};

sb_bench_say( sprintf( "\nmeasuring in process (rest_get_server()->dispatch() + JSON encoding) as 'agent', %d runs each after 2 warm-ups…", $sb_n ) );

$sb_total = sb_bench_dispatch( 'GET', '/switchboard/v1/tickets', array( 'status' => $sb_open ) )[2]['X-WP-Total'] ?? '?';
$sb_row( 'inbox (open statuses) page 1, per_page 25', sb_bench_measure( $sb_get( '/switchboard/v1/tickets', array( 'status' => $sb_open ) ), $sb_n ), 60, 6, "of $sb_total" );
$sb_row(
	'inbox page 200, per_page 25',
	sb_bench_measure(
		$sb_get(
			'/switchboard/v1/tickets',
			array(
				'status' => $sb_open,
				'page'   => 200,
			)
		),
		$sb_n
	),
	60,
	6
);
$sb_p10  = sb_bench_measure(
	$sb_get(
		'/switchboard/v1/tickets',
		array(
			'status'   => $sb_open,
			'per_page' => 10,
		)
	),
	$sb_n
);
$sb_p100 = sb_bench_measure(
	$sb_get(
		'/switchboard/v1/tickets',
		array(
			'status'   => $sb_open,
			'per_page' => 100,
		)
	),
	$sb_n
);
$sb_row( 'inbox page 1, per_page 10', $sb_p10, 60, 6 );
$sb_row( 'inbox page 1, per_page 100', $sb_p100, 60, 6, $sb_p10['q_max'] === $sb_p100['q_max'] ? 'same query count as per_page 10' : 'query count differs from per_page 10!' );
$sb_row(
	'mine (assignee=me, open)',
	sb_bench_measure(
		$sb_get(
			'/switchboard/v1/tickets',
			array(
				'status'   => $sb_open,
				'assignee' => 'me',
			)
		),
		$sb_n
	),
	60,
	6
);
$sb_row(
	'all statuses, sorted by created_at asc, page 50',
	sb_bench_measure(
		$sb_get(
			'/switchboard/v1/tickets',
			array(
				'orderby' => 'created_at',
				'order'   => 'asc',
				'page'    => 50,
			)
		),
		$sb_n
	),
	60,
	6
);
$sb_filter = array(
	'status'  => $sb_open,
	'channel' => 'email,chat',
	'tag'     => 'refund',
	'orderby' => 'priority',
);
$sb_ftotal = sb_bench_dispatch( 'GET', '/switchboard/v1/tickets', $sb_filter )[2]['X-WP-Total'] ?? '?';
$sb_row( 'filtered: open + channel email,chat + tag refund, priority sort', sb_bench_measure( $sb_get( '/switchboard/v1/tickets', $sb_filter ), $sb_n ), 60, 6, "of $sb_ftotal" );
$sb_filter2 = array(
	'channel'  => 'chat',
	'priority' => 'urgent',
	'orderby'  => 'created_at',
);
$sb_row( 'filtered: all statuses + channel chat + urgent, by created_at', sb_bench_measure( $sb_get( '/switchboard/v1/tickets', $sb_filter2 ), $sb_n ), 60, 6 );
$sb_row( 'queue counters GET /queues', sb_bench_measure( $sb_get( '/switchboard/v1/queues' ), $sb_n ), 20, null );
$sb_row( sprintf( 'ticket with %d messages: GET /tickets/%d', SB_BENCH_BIG, $sb_big ), sb_bench_measure( $sb_get( "/switchboard/v1/tickets/$sb_big" ), $sb_n ), 80, null );
$sb_row( sprintf( '  … its /timeline (%d messages + events)', SB_BENCH_BIG ), sb_bench_measure( $sb_get( "/switchboard/v1/tickets/$sb_big/timeline" ), $sb_n ), 80, null );
$sb_row( sprintf( '  … its /messages (%d)', SB_BENCH_BIG ), sb_bench_measure( $sb_get( "/switchboard/v1/tickets/$sb_big/messages" ), $sb_n ), 80, null );
foreach ( ! $sb_opts['search'] ? array() : array(
	'refund'   => 'English word',
	'warranty' => 'English word, rarer',
	'返品'       => 'Japanese word',
	'領収書'      => 'Japanese word, rarer',
) as $sb_word => $sb_what ) {
	$sb_stotal = sb_bench_dispatch( 'GET', '/switchboard/v1/tickets', array( 'search' => $sb_word ) )[2]['X-WP-Total'] ?? '?';
	$sb_row( sprintf( 'search "%s" (%s), all statuses', $sb_word, $sb_what ), sb_bench_measure( $sb_get( '/switchboard/v1/tickets', array( 'search' => $sb_word ) ), max( 5, (int) ( $sb_n / 3 ) ) ), 300, null, "$sb_stotal hits" );
}
if ( $sb_opts['search'] ) {
	$sb_stotal = sb_bench_dispatch(
		'GET',
		'/switchboard/v1/tickets',
		array(
			'search' => 'refund',
			'status' => $sb_open,
		)
	)[2]['X-WP-Total'] ?? '?';
	$sb_row(
		'search "refund" within open tickets',
		sb_bench_measure(
			$sb_get(
				'/switchboard/v1/tickets',
				array(
					'search' => 'refund',
					'status' => $sb_open,
				)
			),
			max( 5, (int) ( $sb_n / 3 ) )
		),
		300,
		null,
		"$sb_stotal hits"
	);
}

// Create: POST /tickets for an existing customer with a first message; removed afterwards.
$sb_created  = array();
$sb_customer = (int) $sb_marker['customers'][0] + 77;
$sb_create   = static function () use ( &$sb_created, $sb_customer ): int {
	list( $status, $data ) = sb_bench_dispatch(
		'POST',
		'/switchboard/v1/tickets',
		array(
			'subject'     => 'Phone call: parcel not delivered',
			'customer_id' => $sb_customer,
			'channel'     => 'phone',
			'priority'    => 'high',
			'message'     => array(
				'body'   => 'Customer called: the parcel has not arrived, tracking shows no movement.',
				'author' => 'customer',
			),
		)
	);
	if ( is_array( $data ) && isset( $data['id'] ) ) {
		$sb_created[] = (int) $data['id'];
	}
	return $status;
};
$sb_row( 'create POST /tickets (customer_id + first message)', sb_bench_measure( $sb_create, max( 5, (int) ( $sb_n / 3 ) ) ), null, 10 );
$sb_reply_ticket = (int) $sb_marker['tickets'][0] + 99;
$sb_row(
	'agent reply POST /tickets/<id>/messages',
	sb_bench_measure(
		static function () use ( $sb_reply_ticket ): int {
			return sb_bench_dispatch( 'POST', "/switchboard/v1/tickets/$sb_reply_ticket/messages", array( 'body' => '<p>Thanks, we are on it.</p>' ) )[0];
		},
		max( 5, (int) ( $sb_n / 3 ) )
	),
	null,
	null
);
$sb_service = new TicketService();
foreach ( $sb_created as $sb_id ) {
	$sb_service->delete( $sb_id );
}
// The replies: remove them and restore the ticket's counters.
$wpdb->query( $wpdb->prepare( 'DELETE FROM ' . Schema::table( 'messages' ) . " WHERE ticket_id = %d AND body_text = 'Thanks, we are on it.'", $sb_reply_ticket ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
$wpdb->query( $wpdb->prepare( 'DELETE FROM ' . Schema::table( 'events' ) . ' WHERE ticket_id = %d AND id > (SELECT MAX(id) FROM (SELECT id FROM ' . Schema::table( 'events' ) . " WHERE ticket_id = %d AND type = 'created') x) AND type <> 'status_changed'", $sb_reply_ticket, $sb_reply_ticket ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
$sb_service->refresh_counters( $sb_reply_ticket );

// ------------------------------------------------------------------------------------------------
// Over HTTP: end-to-end figures and what the plugin adds to other requests

$sb_http_rows = array();
if ( $sb_opts['http'] && function_exists( 'curl_init' ) ) {
	$sb_base = home_url();
	sb_bench_say( "measuring over HTTP at $sb_base (PHP built-in server)…" );
	$sb_guest = new SB_Bench_Http( $sb_base );
	$sb_hn    = max( 10, $sb_n );

	// Zero queries and negligible time for requests that are not the helpdesk's: the same URL
	// with and without the plugin (the bench mu-plugin's ?sb_bench_off), interleaved.
	$sb_pairs = array(
		'front page /'                   => '/?sb_bench_queries=1',
		'other plugin REST /wp/v2/posts' => '/wp-json/wp/v2/posts?per_page=5&sb_bench_queries=1',
	);
	foreach ( $sb_pairs as $sb_label => $sb_path ) {
		$sb_on  = array(
			'ms' => array(),
			'q'  => array(),
		);
		$sb_off = array(
			'ms' => array(),
			'q'  => array(),
		);
		$sb_guest->get( $sb_path );
		$sb_guest->get( $sb_path . '&sb_bench_off=1' );
		$sb_status = 0;
		for ( $sb_i = 0; $sb_i < $sb_hn; $sb_i++ ) {
			$sb_a      = $sb_guest->get( $sb_path );
			$sb_b      = $sb_guest->get( $sb_path . '&sb_bench_off=1' );
			$sb_status = $sb_a['status'];
			if ( null === $sb_a['queries'] || null === $sb_b['queries'] ) {
				break;
			}
			$sb_on['ms'][]  = $sb_a['server_ms'];
			$sb_on['q'][]   = $sb_a['queries'];
			$sb_off['ms'][] = $sb_b['server_ms'];
			$sb_off['q'][]  = $sb_b['queries'];
		}
		if ( ! $sb_on['q'] ) {
			$sb_http_rows[] = array( $sb_label, 'Δq = 0, Δt ≈ 0', '—', '—', '—', 'n/a', 'the bench mu-plugin did not answer (HTTP ' . $sb_status . ')' );
			continue;
		}
		$sb_dq          = max( $sb_on['q'] ) - max( $sb_off['q'] );
		$sb_dt          = sb_bench_pct( $sb_on['ms'], 50 ) - sb_bench_pct( $sb_off['ms'], 50 );
		$sb_base_ms     = sb_bench_pct( $sb_off['ms'], 50 );
		$sb_http_rows[] = array(
			$sb_label,
			'Δq = 0, Δt ≤ 2 ms',
			sprintf( '%d → %d', max( $sb_off['q'] ), max( $sb_on['q'] ) ),
			sprintf( '%.1f → %.1f ms', $sb_base_ms, sb_bench_pct( $sb_on['ms'], 50 ) ),
			sprintf( 'Δq=%+d Δt=%+.1f ms', $sb_dq, $sb_dt ),
			( 0 === $sb_dq && $sb_dt <= 2.0 ) ? 'PASS' : 'MISS',
			sprintf( 'HTTP %d, server-side p50 without → with Switchboard, %d pairs', $sb_status, count( $sb_on['q'] ) ),
		);
	}

	$sb_agent_http = new SB_Bench_Http( $sb_base, 'agent' );
	if ( $sb_agent_http->ok() ) {
		foreach ( array(
			'inbox page 1'             => '/wp-json/switchboard/v1/tickets?status=' . rawurlencode( $sb_open ) . '&sb_bench_queries=1',
			'inbox page 200'           => '/wp-json/switchboard/v1/tickets?status=' . rawurlencode( $sb_open ) . '&page=200&sb_bench_queries=1',
			'filtered + priority sort' => '/wp-json/switchboard/v1/tickets?' . http_build_query( $sb_filter ) . '&sb_bench_queries=1',
			'queues'                   => '/wp-json/switchboard/v1/queues?sb_bench_queries=1',
			'long ticket /timeline'    => "/wp-json/switchboard/v1/tickets/$sb_big/timeline?sb_bench_queries=1",
			'baseline: /overview'      => '/wp-json/switchboard/v1/overview?sb_bench_queries=1',
		) as $sb_label => $sb_path ) {
			$sb_m           = sb_bench_http( $sb_agent_http, $sb_path, $sb_hn );
			$sb_http_rows[] = array(
				'HTTP ' . $sb_label,
				'info',
				null === $sb_m['q'] ? '?' : (string) $sb_m['q'],
				sprintf( 'p50 %.1f / p95 %.1f ms', $sb_m['p50'], $sb_m['p95'] ),
				null === $sb_m['server_p50'] ? '' : sprintf( 'server p50 %.1f ms', $sb_m['server_p50'] ),
				'info',
				'HTTP ' . $sb_m['status'] . '; whole request (WordPress boot + auth + route)',
			);
		}
	} else {
		$sb_http_rows[] = array( 'HTTP as agent', '', '', '', '', 'n/a', 'could not log in as agent over HTTP' );
	}
} elseif ( $sb_opts['http'] ) {
	$sb_http_rows[] = array( 'HTTP', '', '', '', '', 'n/a', 'PHP has no curl extension' );
}

// ------------------------------------------------------------------------------------------------
// Report

sb_bench_say( '' );
sb_bench_say( sprintf( 'Ticket core — in process, %d runs (search/create: %d), times in ms, q = SQL queries of the route', $sb_n, max( 5, (int) ( $sb_n / 3 ) ) ) );
$sb_fmt = "%-66s %-20s %8s %8s %6s  %-5s %s\n";
printf( $sb_fmt, 'case', 'target', 'p50', 'p95', 'q', 'result', 'note' ); // phpcs:ignore WordPress.Security.EscapeOutput
printf( "%s\n", str_repeat( '-', 140 ) ); // phpcs:ignore WordPress.Security.EscapeOutput
foreach ( $sb_rows as $sb_r ) {
	printf( $sb_fmt, $sb_r['label'], $sb_r['target'], $sb_r['p50'], $sb_r['p95'], $sb_r['q'], $sb_r['result'], $sb_r['note'] ); // phpcs:ignore WordPress.Security.EscapeOutput
}
if ( $sb_http_rows ) {
	sb_bench_say( '' );
	sb_bench_say( 'Over HTTP (PHP built-in server, guest for the non-helpdesk requests, agent for the helpdesk ones); q = queries of the whole request' );
	$sb_fmt2 = "%-32s %-20s %-10s %-24s %-28s %-5s %s\n";
	printf( $sb_fmt2, 'case', 'target', 'q', 'time', 'delta / server', 'result', 'note' ); // phpcs:ignore WordPress.Security.EscapeOutput
	printf( "%s\n", str_repeat( '-', 140 ) ); // phpcs:ignore WordPress.Security.EscapeOutput
	foreach ( $sb_http_rows as $sb_r ) {
		printf( $sb_fmt2, ...$sb_r ); // phpcs:ignore WordPress.Security.EscapeOutput
	}
}
$sb_all    = array_merge( array_column( $sb_rows, 'result' ), array_column( $sb_http_rows, 5 ) );
$sb_misses = count( array_filter( $sb_all, static fn ( $r ): bool => 'MISS' === $r ) );
$sb_passes = count( array_filter( $sb_all, static fn ( $r ): bool => 'PASS' === $r ) );
sb_bench_say( '' );
sb_bench_say( sprintf( 'bench-core: %d PASS, %d MISS (targets: 2 cores, opcache, no object cache; figures are this machine\'s, with whatever else runs on it)', $sb_passes, $sb_misses ) );

if ( '1' === getenv( 'SWITCHBOARD_BENCH_SEED' ) && 'bench' !== ( defined( 'SWITCHBOARD_RUNTIME_ENV' ) ? SWITCHBOARD_RUNTIME_ENV : '' ) ) {
	sb_bench_say( 'removing the bench rows from this non-bench site' );
	sb_bench_unseed( $sb_marker );
}
unset( $sb_seeded_now );
