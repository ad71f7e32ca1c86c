/**
 * Helpers of the self-service journeys: logged-in contexts for the demo users, the test site's
 * fixture script (mail sink, rate-limit reset, email import), throw-away pages holding the
 * shortcodes, and the support screens (My Account → Support or `[switchboard_account]`).
 */

/**
 * External dependencies
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
	expect,
	type APIRequestContext,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page,
} from '@playwright/test';

/**
 * Internal dependencies
 */
import { loginContext } from '../../api/fixtures';

export const BASE = process.env.WP_BASE_URL || 'http://localhost:8889';
export const REPO = path.join( __dirname, '..', '..', '..' );
export const SINK = path.join( REPO, '.runtime', 'smtp-sink' );
export const MAIL_DOMAIN = 'self-service-e2e.test';

export const rest = ( route: string ) =>
	`${ BASE }/wp-json/switchboard/v1${ route }`;

export const unique = () =>
	`${ Date.now().toString( 36 ) }${ Math.random()
		.toString( 36 )
		.slice( 2, 6 ) }`;

/**
 * Runs bin/lib-test/self-service-fixture.php on the test site; returns its output.
 *
 * @param args Command and arguments.
 */
export function fixture( ...args: string[] ): string {
	return execFileSync(
		'bash',
		[
			'bin/wp-php.sh',
			process.env.SWITCHBOARD_ENV || 'test',
			'bin/lib-test/self-service-fixture.php',
			...args,
		],
		{ cwd: REPO, encoding: 'utf8' }
	).trim();
}

/**
 * Starts the SMTP sink, where the runtime site sends all its mail (bin/lib/mu-plugins).
 */
export function startMailSink(): void {
	execFileSync( 'bash', [ 'bin/lib-mail/smtp.sh', 'start' ], {
		cwd: REPO,
		stdio: 'ignore',
	} );
}

/**
 * The raw messages the sink received for `to` (newest last), waiting up to 15 s for one that
 * contains `marker`.
 *
 * @param to     Recipient address.
 * @param marker Text the message must contain.
 */
export async function mailTo( to: string, marker: string ): Promise< string > {
	let found = '';
	await expect
		.poll(
			() => {
				if ( ! fs.existsSync( SINK ) ) {
					return '';
				}
				for ( const file of fs.readdirSync( SINK ) ) {
					if ( ! file.endsWith( '.json' ) ) {
						continue;
					}
					const envelope = JSON.parse(
						fs.readFileSync( path.join( SINK, file ), 'utf8' )
					);
					const eml = path.join(
						SINK,
						file.replace( /\.json$/, '.eml' )
					);
					if (
						( envelope.rcpt_to ?? [] ).some(
							( r: string ) =>
								r.toLowerCase() === to.toLowerCase()
						) &&
						fs.existsSync( eml )
					) {
						const raw = decodeMail(
							fs.readFileSync( eml, 'utf8' )
						);
						if ( raw.includes( marker ) ) {
							found = raw;
							return raw;
						}
					}
				}
				return '';
			},
			{ timeout: 15_000, message: `mail to ${ to }` }
		)
		.toContain( marker );
	return found;
}

/**
 * The message's headers followed by every text part, each decoded by its own
 * Content-Transfer-Encoding and charset (a multipart mail mixes 8bit, quoted-printable and
 * base64 parts; decoding the whole message as one would mangle `=38` in an 8bit URL).
 *
 * @param raw Raw RFC 5322 message.
 */
export function decodeMail( raw: string ): string {
	return [ splitEntity( raw )[ 0 ], ...textParts( raw ) ].join( '\n\n' );
}

/**
 * Headers and body of a MIME entity.
 *
 * @param entity Raw entity.
 */
function splitEntity( entity: string ): [ string, string ] {
	const at = entity.search( /\r?\n\r?\n/ );
	if ( at < 0 ) {
		return [ entity, '' ];
	}
	const gap = entity.slice( at ).match( /^\r?\n\r?\n/ ) as RegExpMatchArray;
	return [ entity.slice( 0, at ), entity.slice( at + gap[ 0 ].length ) ];
}

/**
 * One header's unfolded value, or ''.
 *
 * @param headers Header block.
 * @param name    Header name.
 */
function mimeHeader( headers: string, name: string ): string {
	const unfolded = headers.replace( /\r?\n[ \t]+/g, ' ' );
	const match = unfolded.match(
		new RegExp( `^${ name }:[ \t]*(.*)$`, 'im' )
	);
	return match ? match[ 1 ].trim() : '';
}

/**
 * The decoded text/* leaves of an entity, depth first.
 *
 * @param entity Raw entity.
 */
function textParts( entity: string ): string[] {
	const [ headers, body ] = splitEntity( entity );
	const type = mimeHeader( headers, 'Content-Type' ) || 'text/plain';
	const boundary = type.match( /boundary="?([^";]+)"?/i );
	if ( /^multipart\//i.test( type ) && boundary ) {
		const out: string[] = [];
		for ( const piece of body.split( `--${ boundary[ 1 ] }` ).slice( 1 ) ) {
			if ( piece.startsWith( '--' ) ) {
				break; // The closing delimiter.
			}
			out.push( ...textParts( piece.replace( /^[ \t]*\r?\n/, '' ) ) );
		}
		return out;
	}
	if ( ! /^text\//i.test( type ) ) {
		return [];
	}
	const encoding = mimeHeader(
		headers,
		'Content-Transfer-Encoding'
	).toLowerCase();
	let bytes: Buffer;
	if ( encoding === 'base64' ) {
		bytes = Buffer.from( body.replace( /\s+/g, '' ), 'base64' );
	} else if ( encoding === 'quoted-printable' ) {
		bytes = Buffer.from(
			body
				.replace( /=\r?\n/g, '' )
				.replace( /=([0-9A-F]{2})/gi, ( _m, hex ) =>
					String.fromCharCode( parseInt( hex, 16 ) )
				),
			'latin1'
		);
	} else {
		bytes = Buffer.from( body, 'utf8' );
	}
	const charset = (
		type.match( /charset="?([^";]+)"?/i )?.[ 1 ] ?? 'utf-8'
	).toLowerCase();
	return [
		bytes.toString(
			charset === 'iso-8859-1' || charset === 'latin1' ? 'latin1' : 'utf8'
		),
	];
}

/**
 * A browser context logged in as a demo user (cookies from wp-login.php).
 *
 * @param browser  Browser.
 * @param username Login.
 */
export async function browserAs(
	browser: Browser,
	username: string
): Promise< BrowserContext > {
	const api = await loginContext( BASE, username );
	const state = await api.storageState();
	await api.dispose();
	return browser.newContext( { storageState: state } );
}

/**
 * Whether the test site runs WooCommerce (its REST namespace exists).
 *
 * @param api Any request context.
 */
export async function wooCommerceActive(
	api: APIRequestContext
): Promise< boolean > {
	const index = await ( await api.get( `${ BASE }/wp-json/` ) ).json();
	return ( index.namespaces ?? [] ).includes( 'wc/v3' );
}

/**
 * Publishes a page with `content` as admin; returns its id and URL.
 *
 * @param admin   Admin request context.
 * @param title   Title.
 * @param content Post content.
 */
export async function publishPage(
	admin: APIRequestContext,
	title: string,
	content: string
): Promise< { id: number; link: string } > {
	const response = await admin.post( `${ BASE }/wp-json/wp/v2/pages`, {
		data: { status: 'publish', title, content },
	} );
	expect( response.status(), await response.text() ).toBe( 201 );
	const body = await response.json();
	return { id: body.id, link: body.link };
}

export async function deletePage(
	admin: APIRequestContext,
	id: number
): Promise< void > {
	if ( id > 0 ) {
		await admin.delete(
			`${ BASE }/wp-json/wp/v2/pages/${ id }?force=true`
		);
	}
}

/**
 * The customer's support screens, wherever they are shown.
 */
export class SupportScreens {
	readonly page: Page;
	readonly url: string;

	constructor( page: Page, url: string ) {
		this.page = page;
		this.url = url;
	}

	get root(): Locator {
		return this.page.locator( '.switchboard-account' ).first();
	}

	get thread(): Locator {
		return this.page.locator( '.switchboard-account__thread' );
	}

	notice( text: string ): Locator {
		return this.page
			.locator( '.switchboard-form__notice' )
			.filter( { hasText: text } );
	}

	async openList(): Promise< void > {
		await this.page.goto( this.url );
		await expect(
			this.page.getByRole( 'link', { name: 'New request' } )
		).toBeVisible();
	}

	async openTicket( id: number, token = '' ): Promise< void > {
		const url = new URL( this.url );
		url.searchParams.set( 'sb_ticket', String( id ) );
		if ( token ) {
			url.searchParams.set( 'sb_token', token );
		}
		await this.page.goto( url.toString() );
	}

	/** The ticket id shown on the ticket screen. */
	async ticketId(): Promise< number > {
		return Number(
			await this.page
				.locator( '.switchboard-account--ticket' )
				.getAttribute( 'data-ticket' )
		);
	}
}
