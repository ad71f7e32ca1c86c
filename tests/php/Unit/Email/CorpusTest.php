<?php
/**
 * Every real-world message in ../shared/mail-corpus parses, and matches CPython's decoding
 * (expected.json) — or a documented better answer.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Unit\Email;

use PHPUnit\Framework\Attributes\DataProvider;
use Switchboard\Channels\Email\Classifier;
use Switchboard\Channels\Email\Mime\Parser;

/**
 * The corpus test.
 */
final class CorpusTest extends EmailTestCase {

	/**
	 * Where we deliberately differ from the CPython oracle, and why (field => better value).
	 * SOURCES.md / README.md mark these as oracle caveats: raw 8-bit headers, mislabelled charsets,
	 * carrier emoji, a missing boundary.
	 *
	 * @var array<string, array<string, mixed>>
	 */
	private const BETTER = array(
		// Docomo emoji: Python's shift_jis codec gives U+FFFD; the carrier table (SJIS-Mobile#DOCOMO) knows them.
		'002-ja-shiftjis-docomo-gmail-alternative.eml'   => array(
			'subject'      => 'テスト❤',
			'text_snippet' => 'テストです😭',
		),
		// Declared ISO-2022-JP (7-bit) but the bytes are UTF-8: we read them as UTF-8, the oracle shows U+FFFD.
		'010-ja-kddi-bounce-multipart-mixed.eml'         => array(
			'text_snippet' => '送信先のメールボックスが一杯のため、送信できませんでした。 ※本メールはau one netのメールシステムより配信しております。 このメールには直接返信いただ',
		),
		// Declared GB2312 but valid UTF-8: the oracle's snippet is mojibake.
		'014-gb2312-8bit-spam.eml'                       => array(
			'text_snippet' => '你好！我公司可代开各类增值税发票，17%专用发票，3%普通发票，点数优惠，所开发票均可查询验证后 付款，电话：13662615434张经理 （微信同号13662',
		),
		// Several inline text parts between the PDFs: a helpdesk must show them all, CPython's
		// get_body() returns only the first (asserted as a prefix below).
		'018-mixed-text-parts-interleaved-pdfs.eml'      => array(
			'text_snippet' => 'The first text part. The second text part. The third one.',
		),
		// multipart/report without a boundary: we show the body as text instead of nothing.
		'040-malformed-multipart-report-no-boundary.eml' => array(
			'text_snippet' => "I'm multipart message without boundary",
		),
		// Raw 8-bit KOI8-R (no charset anywhere): detected by Russian letter frequencies.
		'043-malformed-8bit-koi8r-subject-no-ctype.eml'  => array(
			'subject'      => 'тест тест',
			'text_snippet' => 'ТЕСТ',
		),
		// Raw 8-bit ISO-8859-1 header and body without charset: not UTF-8, so Windows-1252.
		'047-long-header-4kb-8bit-subject.eml'           => array(
			'subject'      => 'Die Hasen und die Frösche (Microsoft Outlook 00)',
			'text_snippet' => 'Die Hasen und die Frösche Die Hasen klagten einst über ihre mißliche Lage; "wir ',
		),
		// Raw 8-bit Big5 headers: decoded with the body's declared charset (big5).
		'048-big5-raw-8bit-headers.eml'                  => array(
			'subject'   => '養樂多線上訂購',
			'from_name' => '養樂多',
		),
		// Raw 8-bit ISO-8859-1 "ü" in the From display name.
		'049-list-apache-1997-8bit-from-precedence-bulk.eml' => array(
			'from_name' => 'Ingo Lütkebohle',
		),
	);

	/**
	 * What a helpdesk must recognise beyond the oracle's header-only is_auto (README notes).
	 *
	 * @var array<string, string>
	 */
	private const KINDS = array(
		'009-ja-read-receipt-mdn-report.eml'             => 'receipt',
		'010-ja-kddi-bounce-multipart-mixed.eml'         => 'bounce',
		'033-autoreply-auto-submitted-vacation.eml'      => 'auto_reply',
		'034-autoreply-exchange-automatic-reply.eml'     => 'auto_reply',
		'035-bounce-postfix-dsn-report.eml'              => 'bounce',
		'036-bounce-gmail-text-plain-no-report.eml'      => 'bounce',
		'037-list-mailman-shapelib.eml'                  => 'list',
		'038-arf-abuse-feedback-report.eml'              => 'report',
		'040-malformed-multipart-report-no-boundary.eml' => 'bounce',
		'049-list-apache-1997-8bit-from-precedence-bulk.eml' => 'list',
		'050-list-rt-users-reply-with-digest-rfc822.eml' => 'list',
	);

	/**
	 * One case per .eml file.
	 *
	 * @return array<string, array{0: string, 1: array<string, mixed>}>
	 */
	public static function corpus(): array {
		self::register_autoloader();
		$dir      = self::corpus_dir();
		$expected = is_readable( $dir . '/expected.json' ) ? json_decode( (string) file_get_contents( $dir . '/expected.json' ), true ) : null;
		$cases    = array();
		foreach ( glob( $dir . '/*.eml' ) ?: array() as $file ) {
			$name           = basename( $file );
			$cases[ $name ] = array( $file, is_array( $expected ) ? ( $expected[ $name ] ?? array() ) : array() );
		}
		// An empty provider would only say "no data"; one failing case names the folder instead.
		return array() !== $cases ? $cases : array( 'corpus missing' => array( '', array() ) );
	}

	/**
	 * Why the corpus cannot be used ('' when it can).
	 */
	private static function missing_corpus(): string {
		$dir = self::corpus_dir();
		if ( is_dir( $dir ) && is_readable( $dir . '/expected.json' ) && ! empty( glob( $dir . '/*.eml' ) ) ) {
			return '';
		}
		return sprintf(
			'Mail corpus not found at %s (no .eml files or no expected.json). Put the shared folder beside the repository (../shared/mail-corpus) or set SWITCHBOARD_MAIL_CORPUS to its path.',
			$dir
		);
	}

	protected function setUp(): void {
		parent::setUp();
		$missing = self::missing_corpus();
		if ( '' !== $missing ) {
			$this->fail( $missing );
		}
	}

	public function test_corpus_is_present_and_complete(): void {
		$cases = self::corpus();
		$this->assertGreaterThanOrEqual( 50, count( $cases ), 'Mail corpus incomplete at ' . self::corpus_dir() );
		foreach ( $cases as $name => $case ) {
			$this->assertNotSame( array(), $case[1], "$name has no entry in expected.json" );
		}
	}

	/**
	 * @param string               $file     Path.
	 * @param array<string, mixed> $expected Oracle.
	 */
	#[DataProvider( 'corpus' )]
	public function test_message_matches_oracle( string $file, array $expected ): void {
		$name    = basename( $file );
		$message = ( new Parser() )->parse( (string) file_get_contents( $file ) );
		$better  = self::BETTER[ $name ] ?? array();
		$from    = $message->from();

		$actual = array(
			'message_id'  => $message->message_id(),
			'in_reply_to' => $message->in_reply_to(),
			'references'  => $message->references(),
			'subject'     => $message->subject(),
			'from_addr'   => $from['address'] ?? null,
			'from_name'   => $from['name'] ?? null,
			'to_addrs'    => array_column( $message->addresses( 'to' ), 'address' ),
			'date'        => $message->date(),
			'is_auto'     => Classifier::is_auto_by_headers( $message ),
			'attachments' => array_map(
				static fn( array $a ): array => array(
					'filename'     => $a['filename'],
					'content_type' => $a['content_type'],
					'size'         => $a['size'],
				),
				$message->attachments()
			),
			'inline_cids' => $message->inline_cids(),
		);
		foreach ( $actual as $field => $value ) {
			$want = array_key_exists( $field, $better ) ? $better[ $field ] : $expected[ $field ];
			$this->assertSame( $want, $value, "$name: $field" );
		}

		$snippet = $message->snippet();
		$want    = $better['text_snippet'] ?? $expected['text_snippet'];
		if ( '018-mixed-text-parts-interleaved-pdfs.eml' === $name ) {
			$this->assertStringStartsWith( $expected['text_snippet'], $snippet, "$name: text_snippet starts with the oracle's first part" );
		}
		$this->assertSame( $want, $snippet, "$name: text_snippet" );
		$this->assertTrue( mb_check_encoding( $message->text(), 'UTF-8' ), "$name: text is valid UTF-8" );
		$this->assertTrue( mb_check_encoding( $message->html(), 'UTF-8' ), "$name: html is valid UTF-8" );

		// Every stored file decodes and reports a size.
		foreach ( $message->files() as $file_part ) {
			$this->assertIsString( $file_part['part']->body() );
		}
		if ( isset( self::KINDS[ $name ] ) ) {
			$this->assertSame( self::KINDS[ $name ], Classifier::classify( $message ), "$name: kind" );
		} elseif ( ! $expected['is_auto'] ) {
			$this->assertSame( Classifier::NORMAL, Classifier::classify( $message ), "$name: kind" );
		}
	}

	public function test_bounces_yield_their_original_message_id_and_recipient(): void {
		$dir = self::corpus_dir();

		$dsn = Classifier::dsn( ( new Parser() )->parse( (string) file_get_contents( $dir . '/035-bounce-postfix-dsn-report.eml' ) ) );
		$this->assertNotSame( array(), $dsn['recipients'] );
		$this->assertMatchesRegularExpression( '/^5\.\d+\.\d+$/', $dsn['status'] );
		$this->assertSame( 'failed', $dsn['action'] );
		$this->assertNotSame( array(), $dsn['message_ids'] );

		$gmail = Classifier::dsn( ( new Parser() )->parse( (string) file_get_contents( $dir . '/036-bounce-gmail-text-plain-no-report.eml' ) ) );
		$this->assertSame( array( 'awfawfawfawfawfaw@someserverhere.com' ), $gmail['recipients'], 'X-Failed-Recipients' );
		$this->assertSame( '5.1.0', $gmail['status'] );
	}

	public function test_no_acknowledgement_for_automatic_or_list_mail(): void {
		$dir = self::corpus_dir();
		foreach ( array( '033', '034', '035', '036', '037', '038', '040', '042', '049', '050', '009', '010' ) as $prefix ) {
			$file    = (string) ( glob( $dir . '/' . $prefix . '-*.eml' )[0] ?? '' );
			$message = ( new Parser() )->parse( (string) file_get_contents( $file ) );
			$this->assertFalse( Classifier::may_auto_respond( $message ), basename( $file ) );
		}
		$message = ( new Parser() )->parse( (string) file_get_contents( $dir . '/011-cp1252-qp-outlook2000.eml' ) );
		$this->assertTrue( Classifier::may_auto_respond( $message ) );
	}
}
