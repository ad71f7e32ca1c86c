<?php
/**
 * Prepares text for InnoDB FULLTEXT so Japanese (and Chinese, Korean) text is searchable.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Search;

/**
 * MariaDB has no ngram parser, and InnoDB's default parser treats a whole run of CJK text as a
 * single word — so 返品 would never find 返品ポリシー. We index text the way an ngram parser would,
 * but in PHP, so it works on any host without server configuration:
 *
 * - Latin and other space-separated scripts stay as words (lower-cased, NFKC-normalized).
 * - Each run of CJK characters becomes its bigrams plus its unigrams, each written as an ASCII
 *   token (`q` + five hex digits per character), which the default parser keeps whole and which
 *   are longer than innodb_ft_min_token_size.
 *
 * A query is converted the same way into a BOOLEAN MODE expression that requires every bigram (or
 * the unigram, for a one-character query) and every word prefix.
 */
final class Tokenizer {

	/**
	 * Han, Hiragana, Katakana (full and half width), Hangul, CJK symbols used inside words (ー々).
	 */
	private const CJK = '\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}ー々〆ヶ';

	/**
	 * Words InnoDB's default stopword list ignores; requiring them would match nothing.
	 *
	 * @var string[]
	 */
	private const STOPWORDS = array( 'a', 'about', 'an', 'are', 'as', 'at', 'be', 'by', 'com', 'de', 'en', 'for', 'from', 'how', 'i', 'in', 'is', 'it', 'la', 'of', 'on', 'or', 'that', 'the', 'this', 'to', 'was', 'what', 'when', 'where', 'who', 'will', 'with', 'und', 'www' );

	/**
	 * Minimum word length InnoDB indexes by default.
	 */
	private const MIN_WORD = 3;

	/**
	 * Converts text for the `search_text` column.
	 */
	public static function index( string $text ): string {
		$text     = self::normalize( $text );
		$words    = array();
		$unigrams = array();

		foreach ( self::runs( $text ) as $run ) {
			if ( $run['cjk'] ) {
				$chars = self::chars( $run['text'] );
				$count = count( $chars );
				for ( $i = 0; $i < $count - 1; $i++ ) {
					$words[] = self::token( $chars[ $i ] . $chars[ $i + 1 ] );
				}
				foreach ( $chars as $char ) {
					$unigrams[] = self::token( $char );
				}
			} else {
				$words[] = $run['text'];
			}
		}

		return trim( implode( ' ', $words ) . ' ' . implode( ' ', array_unique( $unigrams ) ) );
	}

	/**
	 * Converts a user's query to a BOOLEAN MODE expression; '' when nothing searchable is left.
	 *
	 * @param bool $prefix Latin words match as prefixes ("parc" finds "parcel"): right for
	 *                     suggestions while typing over a small index; on 100k ticket documents a
	 *                     prefix term costs InnoDB about three times an exact one.
	 */
	public static function query( string $query, bool $prefix = true ): string {
		$terms = array();
		foreach ( self::runs( self::normalize( $query ) ) as $run ) {
			if ( $run['cjk'] ) {
				$chars = self::chars( $run['text'] );
				if ( 1 === count( $chars ) ) {
					$terms[] = '+' . self::token( $chars[0] );
					continue;
				}
				for ( $i = 0, $n = count( $chars ) - 1; $i < $n; $i++ ) {
					$terms[] = '+' . self::token( $chars[ $i ] . $chars[ $i + 1 ] );
				}
				continue;
			}
			foreach ( preg_split( '/[^\p{L}\p{N}_]+/u', $run['text'] ) ?: array() as $word ) {
				if ( mb_strlen( $word ) < self::MIN_WORD || in_array( $word, self::STOPWORDS, true ) ) {
					continue;
				}
				$terms[] = '+' . $word . ( $prefix ? '*' : '' );
			}
		}
		return implode( ' ', array_unique( $terms ) );
	}

	/**
	 * Lower-case, NFKC (half-width katakana and full-width ASCII fold to their usual forms).
	 */
	private static function normalize( string $text ): string {
		if ( class_exists( \Normalizer::class ) ) {
			$normalized = \Normalizer::normalize( $text, \Normalizer::FORM_KC );
			if ( is_string( $normalized ) ) {
				$text = $normalized;
			}
		}
		return mb_strtolower( $text, 'UTF-8' );
	}

	/**
	 * Splits text into runs of CJK and of other word characters.
	 *
	 * @return array<int, array{cjk: bool, text: string}>
	 */
	private static function runs( string $text ): array {
		$runs = array();
		if ( ! preg_match_all( '/([' . self::CJK . ']+)|([\p{L}\p{N}_]+)/u', $text, $matches, PREG_SET_ORDER ) ) {
			return $runs;
		}
		foreach ( $matches as $match ) {
			$is_cjk = isset( $match[1] ) && '' !== $match[1];
			$runs[] = array(
				'cjk'  => $is_cjk,
				'text' => $is_cjk ? $match[1] : $match[2],
			);
		}
		return $runs;
	}

	/**
	 * Characters of a UTF-8 string.
	 *
	 * @return string[]
	 */
	private static function chars( string $text ): array {
		return preg_split( '//u', $text, -1, PREG_SPLIT_NO_EMPTY ) ?: array();
	}

	/**
	 * ASCII token for one or two CJK characters.
	 */
	private static function token( string $chars ): string {
		$token = 'q';
		foreach ( self::chars( $chars ) as $char ) {
			$token .= sprintf( '%05x', mb_ord( $char, 'UTF-8' ) );
		}
		return $token;
	}
}
