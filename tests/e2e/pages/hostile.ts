/**
 * The hostile-input corpus (tests/fixtures/hostile-input.json) for the browser specs: the payloads,
 * mails built from them, the MTA pipe, and a trap that records any script a payload manages to run.
 */

/**
 * External dependencies
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import { REPO } from './self-service';

export interface Payload {
	id: string;
	category: string;
	payload: string;
}

export const CORPUS: Payload[] = JSON.parse(
	fs.readFileSync(
		path.join( REPO, 'tests', 'fixtures', 'hostile-input.json' ),
		'utf8'
	)
).payloads;

/** Payloads meant for bodies, subjects and names (not Content-IDs or file names). */
export const MARKUP = CORPUS.filter(
	( p ) => ! [ 'content-id', 'filename' ].includes( p.category )
);

export const byCategory = ( category: string ) =>
	CORPUS.filter( ( p ) => p.category === category );

/**
 * Every markup payload, one per line, each behind its id (what a text part or a form holds).
 * @param marker
 */
export function textBlob( marker: string ): string {
	return [
		marker,
		...MARKUP.map( ( p ) => `${ p.id }: ${ p.payload }` ),
	].join( '\n' );
}

/**
 * Every markup payload inside its own block (what an HTML part holds).
 * @param marker
 */
export function htmlBlob( marker: string ): string {
	return [
		`<p>${ marker }</p>`,
		...MARKUP.map(
			( p ) => `<div data-payload="${ p.id }">${ p.payload }</div>`
		),
	].join( '\n' );
}

const b64 = ( text: string ) =>
	Buffer.from( text, 'utf8' )
		.toString( 'base64' )
		.replace( /.{76}/g, '$&\r\n' );

/**
 * An RFC 2047 encoded-word (a header can carry any payload, line breaks included).
 * @param text
 */
const word = ( text: string ) =>
	`=?UTF-8?B?${ Buffer.from( text, 'utf8' ).toString( 'base64' ) }?=`;

const PNG =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

export interface MailParts {
	from: string;
	subject: string;
	/** multipart/alternative text + HTML (the HTML part may clean to nothing). */
	text?: string;
	html?: string;
	/** Inline images under crafted Content-IDs and files under hostile names. */
	hostileFiles?: boolean;
}

/**
 * A raw mail from the payloads: display name, subject and bodies are hostile; optionally crafted
 * Content-IDs (referenced from the HTML) and attachments named by the file-name payloads.
 *
 * @param parts What goes in.
 */
export function hostileMail( parts: MailParts ): string {
	const id = crypto.randomBytes( 8 ).toString( 'hex' );
	const head = [
		`From: ${ word( '"><svg onload=alert(1)> Mallory' ) } <${
			parts.from
		}>`,
		'To: support@shop.test',
		`Subject: ${ word( parts.subject ) }`,
		`Message-ID: <${ id }@evil.example>`,
		'Date: Tue, 01 Dec 2026 10:00:00 +0000',
		'MIME-Version: 1.0',
	];
	const alternative = [
		'Content-Type: multipart/alternative; boundary="alt"',
		'',
		'--alt',
		'Content-Type: text/plain; charset=utf-8',
		'Content-Transfer-Encoding: base64',
		'',
		b64( parts.text ?? '' ),
		'--alt',
		'Content-Type: text/html; charset=utf-8',
		'Content-Transfer-Encoding: base64',
		'',
		b64(
			( parts.html ?? '' ) +
				( parts.hostileFiles
					? byCategory( 'content-id' )
							.map(
								( p ) =>
									`<img src="cid:${ p.payload }" title=" onerror=alert(1) x">`
							)
							.join( '' )
					: '' )
		),
		'--alt--',
	];
	if ( ! parts.hostileFiles ) {
		return [ ...head, ...alternative, '' ].join( '\r\n' );
	}
	const files: string[] = [];
	for ( const p of byCategory( 'content-id' ) ) {
		files.push(
			'--mix',
			'Content-Type: image/png',
			'Content-Transfer-Encoding: base64',
			`Content-ID: <${ p.payload }>`,
			'Content-Disposition: inline',
			'',
			PNG
		);
	}
	for ( const p of byCategory( 'filename' ) ) {
		files.push(
			'--mix',
			'Content-Type: application/pdf',
			'Content-Transfer-Encoding: base64',
			`Content-Disposition: attachment; filename*=UTF-8''${ encodeURIComponent(
				p.payload
			) }`,
			'',
			b64( `%PDF-1.4 ${ p.id }` )
		);
	}
	return [
		...head,
		'Content-Type: multipart/mixed; boundary="mix"',
		'',
		'--mix',
		...alternative,
		...files,
		'--mix--',
		'',
	].join( '\r\n' );
}

/**
 * Delivers a raw mail through the MTA pipe (bin/mail-pipe.php) into the test site, as Postfix
 * would; returns what the pipe printed.
 *
 * @param raw Raw message.
 */
export function pipeMail( raw: string ): string {
	const runtime =
		process.env.SWITCHBOARD_RUNTIME_DIR || path.join( REPO, '.runtime' );
	const env = JSON.parse(
		fs.readFileSync(
			path.join(
				runtime,
				process.env.SWITCHBOARD_ENV || 'test',
				'env.json'
			),
			'utf8'
		)
	);
	return execFileSync( 'php', [ 'bin/mail-pipe.php', env.WP_DIR ], {
		cwd: REPO,
		input: raw,
		encoding: 'utf8',
	} );
}

/**
 * Makes every way a payload could announce itself observable on this page: dialogs, and the
 * alert/confirm/prompt/print/eval-like globals. Call before the first navigation.
 *
 * @param page Page.
 * @return A function returning what fired so far.
 */
export async function trapScripts( page: Page ): Promise< () => string[] > {
	const fired: string[] = [];
	page.on( 'dialog', async ( dialog ) => {
		fired.push( `dialog:${ dialog.type() }:${ dialog.message() }` );
		await dialog.dismiss().catch( () => undefined );
	} );
	await page.exposeFunction( '__sbXssReport', ( what: string ) => {
		fired.push( what );
	} );
	await page.addInitScript( () => {
		const w = window as unknown as Record< string, unknown >;
		for ( const name of [ 'alert', 'confirm', 'prompt', 'print' ] ) {
			w[ name ] = ( ...args: unknown[] ) => {
				( w.__sbXssReport as ( s: string ) => void )(
					`${ name }(${ args.map( String ).join( ',' ) }) at ${
						window.location.href
					}`
				);
				return null;
			};
		}
	} );
	return () => [ ...fired ];
}
