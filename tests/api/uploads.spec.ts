/**
 * Files over real HTTP: a stored file is never served from its place under uploads (the web
 * server refuses the private folder), only by the REST route to those allowed; a customer cannot
 * attach another customer's upload; hostile file names cannot break the download's headers.
 */

/**
 * External dependencies
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { request } from '@playwright/test';

/**
 * Internal dependencies
 */
import { test, expect, expectRestError } from './fixtures';

const NS = '/switchboard/v1';
const REPO = path.join( __dirname, '..', '..' );
const BASE = process.env.WP_BASE_URL || 'http://localhost:8889';
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64'
);
const CAR = '50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829.pdf';

function fixture( script: string, ...args: string[] ): string {
	return execFileSync(
		'bash',
		[
			'bin/wp-php.sh',
			process.env.SWITCHBOARD_ENV || 'test',
			`bin/lib-test/${ script }`,
			...args,
		],
		{ cwd: REPO, encoding: 'utf8' }
	).trim();
}

test.describe( 'files', () => {
	let hostile: { ticket_id: number; files: Record< string, number > };

	test.beforeAll( () => {
		// Uploads and replies are rate-limited per customer and hour; reruns would hit them.
		fixture( 'self-service-fixture.php', 'reset-limits' );
		hostile = JSON.parse(
			fixture( 'uploads-fixture.php', 'hostile', 'alice' )
		);
	} );

	test( 'a stored file is refused at its place under uploads, served by REST to its owner', async ( {
		api,
	} ) => {
		const alice = await api.as( 'alice' );
		const upload = await alice.post( api.url( `${ NS }/attachments` ), {
			multipart: {
				file: {
					name: 'id-card.png',
					mimeType: 'image/png',
					buffer: PNG,
				},
			},
		} );
		expect( upload.status(), await upload.text() ).toBe( 201 );
		const id = ( await upload.json() ).id as number;
		const where = JSON.parse(
			fixture( 'uploads-fixture.php', 'file-url', String( id ) )
		) as { url: string; folder: string };
		expect( where.url ).toMatch(
			/\/wp-content\/uploads\/switchboard-private-[a-f0-9]{24}\//
		);

		const anonymous = await request.newContext( {
			baseURL: BASE,
			storageState: { cookies: [], origins: [] },
		} );
		const direct = [
			where.url,
			where.url.replace( '/uploads/', '/uploads//' ),
			where.folder,
			`${ where.folder }index.php`,
			`${ BASE }/wp-content/uploads/switchboard-private/index.php`,
			`${ BASE }/wp-content/uploads/switchboard-private/.htaccess`,
		];
		for ( const url of direct ) {
			for ( const who of [ anonymous, alice ] ) {
				const response = await who.get( url, { maxRedirects: 0 } );
				expect( [ 403, 404 ], url ).toContain( response.status() );
				expect( ( await response.body() ).includes( PNG ) ).toBe(
					false
				);
			}
		}
		await anonymous.dispose();

		const download = await alice.get(
			api.url( `${ NS }/attachments/${ id }` )
		);
		expect( download.status() ).toBe( 200 );
		expect( Buffer.compare( await download.body(), PNG ) ).toBe( 0 );
		const bob = await api.as( 'bob' );
		expect(
			(
				await bob.get( api.url( `${ NS }/attachments/${ id }` ) )
			).status()
		).toBe( 404 );
	} );

	test( "a customer cannot attach another customer's upload", async ( {
		api,
	} ) => {
		const bob = await api.as( 'bob' );
		const upload = await bob.post( api.url( `${ NS }/attachments` ), {
			multipart: {
				file: {
					name: 'bob-passport.png',
					mimeType: 'image/png',
					buffer: PNG,
				},
			},
		} );
		expect( upload.status(), await upload.text() ).toBe( 201 );
		const bobs = ( await upload.json() ).id as number;

		const alice = await api.as( 'alice' );
		const reply = await alice.post(
			api.url( `${ NS }/me/tickets/${ hostile.ticket_id }/messages` ),
			{ data: { body: 'Look at this', attachments: [ bobs ] } }
		);
		await expectRestError( reply, 400, 'switchboard_attachment_not_yours' );
		// Bob can still download his own (unsent) file; alice cannot.
		expect(
			(
				await bob.get( api.url( `${ NS }/attachments/${ bobs }` ) )
			).status()
		).toBe( 200 );
		expect(
			(
				await alice.get( api.url( `${ NS }/attachments/${ bobs }` ) )
			).status()
		).toBe( 404 );
	} );

	test( 'hostile file names cannot break the download headers', async ( {
		api,
	} ) => {
		const alice = await api.as( 'alice' );
		const shown: Record< string, string > = {};
		for ( const [ sent, id ] of Object.entries( hostile.files ) ) {
			const response = await alice.get(
				api.url( `${ NS }/attachments/${ id }` )
			);
			expect( response.status(), sent ).toBe( 200 );
			const headers = response.headersArray();
			const dispositions = headers.filter(
				( h ) => h.name.toLowerCase() === 'content-disposition'
			);
			expect( dispositions, sent ).toHaveLength( 1 );
			const value = dispositions[ 0 ].value;
			expect( value, sent ).toMatch(
				/^attachment; filename="[\x20\x21\x23-\x5b\x5d-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~-]+$/
			);
			expect(
				headers.some(
					( h ) =>
						h.name.toLowerCase() === 'set-cookie' &&
						h.value.startsWith( 'x=' )
				),
				sent
			).toBe( false );
			shown[ sent ] = decodeURIComponent(
				value.split( "filename*=UTF-8''" )[ 1 ]
			);
		}
		expect( shown[ CAR ] ).toBe( CAR );
		expect( shown[ '../../etc/passwd' ] ).toBe( 'passwd' );
		expect( shown[ 'a\r\nSet-Cookie: x=1.pdf' ] ).toBe(
			'aSet-Cookie: x=1.pdf'
		);
		expect( shown[ 'invoice\u202efdp.exe' ] ).toBe( 'invoicefdp.exe' );

		// The ticket shows the same names (the customer's view of her thread).
		const detail = await (
			await alice.get(
				api.url( `${ NS }/me/tickets/${ hostile.ticket_id }` )
			)
		).json();
		const names = ( detail.messages?.[ 0 ]?.attachments ?? [] ).map(
			( a: { filename: string } ) => a.filename
		);
		expect( names ).toContain( CAR );
		expect( names ).toContain( 'invoicefdp.exe' );
	} );
} );
