<?php
/**
 * Quoted history and signature stripping.
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Unit\Email;

use PHPUnit\Framework\Attributes\DataProvider;
use Switchboard\Channels\Email\Mime\Parser;
use Switchboard\Channels\Email\QuoteStripper;
use Switchboard\Tickets\Html;

/**
 * What agents see first.
 */
final class QuoteStripperTest extends EmailTestCase {

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public static function texts(): array {
		return array(
			'gmail'             => array( "Sounds good.\n\nOn Mon, Apr 2, 2012 at 6:26 PM, Shop Support <support@shop.test>\nwrote:\n\n> Your order shipped.\n", 'Sounds good.' ),
			'outlook original'  => array( "Please refund.\n\n-----Original Message-----\nFrom: Shop\nSent: Monday\nSubject: x\n\nold text", 'Please refund.' ),
			'outlook from/sent' => array( "Yes please\n\nFrom: Shop Support [mailto:support@shop.test]\nSent: Monday, March 9, 2012 4:22 PM\nTo: Ann\nSubject: RE: x\n\nold", 'Yes please' ),
			'german outlook'    => array( "Danke\n\nVon: Shop\nGesendet: Montag\nAn: Ann\n\nalt", 'Danke' ),
			'apple mail'        => array( "Hello\n\n> On 22 Aug 2015, at 19:21, Adam <a@example.com> wrote:\n>\n> Hi\n", 'Hello' ),
			'thunderbird above' => array( "On 04/02/2012 06:26 PM, Megan One wrote:\n> Hi\n\nHello\n", 'Hello' ),
			'japanese sanwa'    => array( "了解しました。\n\n山田太郎さんは書きました:\n> ご注文ありがとうございます。\n", '了解しました。' ),
			'japanese iphone'   => array( "はい\n\n2012/08/30 13:56、info@shop.test のメッセージ:\n\n> 本文\n", 'はい' ),
			'japanese wrote'    => array( "届きました\n\n(2012/08/30 13:56), support@shop.test wrote:\n> 本文\n", '届きました' ),
			'signature'         => array( "Na štriku se suši šosić.\n-- \nšosić", 'Na štriku se suši šosić.' ),
			'sent from iphone'  => array( "Thanks\n\nSent from my iPhone", 'Thanks' ),
			'only quote kept'   => array( "> nothing new\n> here", '> nothing new' . "\n" . '> here' ),
			'no quote at all'   => array( 'Just a question about order #12.', 'Just a question about order #12.' ),
		);
	}

	#[DataProvider( 'texts' )]
	public function test_strip_text( string $in, string $out ): void {
		$this->assertSame( $out, QuoteStripper::strip_text( $in ) );
	}

	public function test_strip_html_gmail_quote_and_blockquote_cite_and_outlook(): void {
		$gmail = '<div dir="ltr">Sounds good</div><br><div class="gmail_quote"><div class="gmail_attr">On Mon … wrote:</div><blockquote>old</blockquote></div>';
		$this->assertSame( 'Sounds good', Html::to_text( QuoteStripper::strip_html( $gmail ) ) );

		$apple = '<div>Yes</div><div><br><blockquote type="cite"><div>On x, Y wrote:</div>old</blockquote></div>';
		$this->assertSame( 'Yes', Html::to_text( QuoteStripper::strip_html( $apple ) ) );

		$outlook = '<div class="WordSection1"><p>Refund please</p><div style="border:none;border-top:solid #E1E1E1 1.0pt"><p><b>From:</b> Shop</p></div><p>old</p></div>';
		$this->assertSame( 'Refund please', Html::to_text( QuoteStripper::strip_html( $outlook ) ) );

		$japanese = '<div>確認しました</div><div>山田さんは書きました:</div><blockquote>古い</blockquote>';
		$this->assertSame( '確認しました', Html::to_text( QuoteStripper::strip_html( $japanese ) ) );

		$nothing = '<blockquote type="cite">only quote</blockquote>';
		$this->assertSame( $nothing, QuoteStripper::strip_html( $nothing ), 'never strip everything' );
	}

	public function test_corpus_replies_are_reduced_to_the_new_text(): void {
		$cases = array(
			'025-reply-gmail-alternative-gmail-quote.eml'  => 'Hello',
			'026-reply-outlook-from-sent-block-no-msgid.eml' => 'Hello', // Its HTML part says 'Allo! Follow up MIME!'.
			'027-reply-applemail-inreplyto-references.eml' => 'Hello',
			'028-reply-thunderbird-flowed-quote.eml'       => 'Hello',
			'029-reply-aol-original-message.eml'           => 'Hello',
			'030-reply-sparrow-blockquote-cite.eml'        => 'Hello',
			'031-reply-outlook-express-inreplyto-alternative.eml' => 'This is reply',
		);
		foreach ( $cases as $file => $text ) {
			$message = ( new Parser() )->parse( (string) file_get_contents( self::corpus_dir() . '/' . $file ) );
			$this->assertSame( $text, QuoteStripper::strip_text( $message->text() ), $file . ' (text)' );
			if ( '' !== $message->html() ) {
				$stripped = trim( Html::to_text( QuoteStripper::strip_html( $message->html() ) ), "\u{FEFF} \n" );
				$this->assertStringStartsWith( str_starts_with( $file, '026' ) ? 'Allo! Follow up MIME!' : $text, $stripped, $file . ' (html)' );
				$this->assertLessThan( 80, mb_strlen( $stripped ), $file . ' (html has no history)' );
			}
		}
	}
}
