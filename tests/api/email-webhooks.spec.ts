/**
 * The inbound email webhooks over real HTTP, with the payloads the providers document:
 * raw MIME with our HMAC headers, Mailgun's route forward (multipart form, HMAC-SHA256 of
 * timestamp . token), Postmark's inbound JSON (HTTP Basic credentials of the webhook URL; Postmark
 * signs nothing), SendGrid Inbound Parse in raw mode (multipart form; URL token, because PHP does
 * not expose a multipart body's bytes for its ECDSA signature). Unsigned, badly signed, stale and
 * replayed requests are refused with a code, message and status; accepted ones become tickets.
 * Credentials are set through PUT /email/webhooks as the admin, fresh for every run.
 */

/**
 * External dependencies
 */
import crypto from 'node:crypto';

/**
 * Internal dependencies
 */
import { test, expect, expectRestError, type Api } from './fixtures';

const NS = '/switchboard/v1';
const RUN = Date.now().toString( 36 );
const SECRETS = {
	raw_secret: `raw-${ RUN }-${ crypto.randomBytes( 8 ).toString( 'hex' ) }`,
	mailgun_key: `mg-${ RUN }-${ crypto.randomBytes( 8 ).toString( 'hex' ) }`,
	postmark_user: 'postmark',
	postmark_password: `pm-${ RUN }-${ crypto
		.randomBytes( 8 )
		.toString( 'hex' ) }`,
	sendgrid_token: `sg-${ RUN }-${ crypto
		.randomBytes( 8 )
		.toString( 'hex' ) }`,
};

function mime( subject: string ): string {
	const id = crypto.randomBytes( 6 ).toString( 'hex' );
	return [
		`From: Lee Customer <lee-${ id }@example.com>`,
		'To: support@shop.test',
		`Subject: ${ subject }`,
		`Message-ID: <${ id }@mail.example.com>`,
		'Date: Mon, 23 Nov 2026 08:00:00 +0000',
		'MIME-Version: 1.0',
		'Content-Type: text/plain; charset=utf-8',
		'',
		`Sent through a webhook (${ id }).`,
		'',
	].join( '\r\n' );
}

const hmac = ( key: string, data: string ) =>
	crypto.createHmac( 'sha256', key ).update( data ).digest( 'hex' );

/**
 * Asserts the response accepted the mail and the ticket exists with the subject.
 *
 * @param api      API fixture.
 * @param response Webhook response.
 * @param subject  Subject of the mail.
 */
async function expectTicket(
	api: Api,
	response: Awaited<
		ReturnType< import('@playwright/test').APIRequestContext[ 'post' ] >
	>,
	subject: string
) {
	const text = await response.text();
	expect( response.status(), text ).toBe( 200 );
	expect( JSON.parse( text ).status ).toBe( 'stored' );
	const admin = await api.as( 'admin' );
	const list = await admin.get(
		api.url( `${ NS }/tickets`, {
			search: subject.split( ' ' ).pop() as string,
			per_page: 5,
		} )
	);
	const tickets = ( await list.json() ) as Array< {
		subject: string;
		channel: string;
	} >;
	expect( tickets.map( ( t ) => t.subject ) ).toContain( subject );
	expect( tickets.find( ( t ) => t.subject === subject )?.channel ).toBe(
		'email'
	);
}

test.describe( 'inbound email webhooks', () => {
	test.beforeAll( async ( { api } ) => {
		const admin = await api.as( 'admin' );
		const response = await admin.put( api.url( `${ NS }/email/webhooks` ), {
			data: SECRETS,
		} );
		const text = await response.text();
		expect( response.status(), text ).toBe( 200 );
		// Secrets are write-only (the Postmark user name is not a secret).
		for ( const [ key, value ] of Object.entries( SECRETS ) ) {
			if ( key !== 'postmark_user' ) {
				expect( text ).not.toContain( value );
			}
		}
		const state = JSON.parse( text );
		expect( state.raw.configured ).toBe( true );
		expect( state.mailgun.url ).toMatch(
			/\/email\/inbound\/mailgun\/mime$/
		);
	} );

	test( 'raw MIME: HMAC of timestamp.body, fresh, once', async ( {
		api,
	} ) => {
		const guest = await api.as( 'guest' );
		const url = api.url( `${ NS }/email/inbound/raw` );
		const subject = `Raw webhook question r${ RUN }`;
		const body = mime( subject );
		const signed = (
			ts: number,
			key = SECRETS.raw_secret,
			data = body
		) => ( {
			'Content-Type': 'message/rfc822',
			'X-Switchboard-Timestamp': String( ts ),
			'X-Switchboard-Signature': hmac( key, `${ ts }.${ data }` ),
		} );
		const now = () => Math.floor( Date.now() / 1000 );

		await expectRestError(
			await guest.post( url, {
				headers: { 'Content-Type': 'message/rfc822' },
				data: body,
			} ),
			401,
			'switchboard_webhook_unsigned'
		);
		await expectRestError(
			await guest.post( url, {
				headers: signed( now(), 'wrong' ),
				data: body,
			} ),
			401,
			'switchboard_webhook_signature'
		);
		await expectRestError(
			await guest.post( url, {
				headers: signed( now() - 600 ),
				data: body,
			} ),
			401,
			'switchboard_webhook_stale'
		);
		await expectRestError(
			await guest.post( url, {
				headers: signed( now() ),
				data: body.replace( 'Sent through', 'Pay me through' ),
			} ),
			401,
			'switchboard_webhook_signature'
		);
		const headers = signed( now() );
		await expectTicket(
			api,
			await guest.post( url, { headers, data: body } ),
			subject
		);
		await expectRestError(
			await guest.post( url, { headers, data: body } ),
			409,
			'switchboard_webhook_replay'
		);
	} );

	test( 'Mailgun route forward: signature of timestamp.token, stale and replayed refused', async ( {
		api,
	} ) => {
		const guest = await api.as( 'guest' );
		const url = api.url( `${ NS }/email/inbound/mailgun/mime` );
		const subject = `Mailgun webhook question m${ RUN }`;
		const form = (
			ts: number,
			key = SECRETS.mailgun_key,
			token = crypto.randomBytes( 25 ).toString( 'hex' )
		) => ( {
			recipient: 'support@shop.test',
			sender: 'lee@example.com',
			from: 'Lee Customer <lee@example.com>',
			subject,
			'body-mime': mime( subject ),
			timestamp: String( ts ),
			token,
			signature: hmac( key, `${ ts }${ token }` ),
		} );
		const now = () => Math.floor( Date.now() / 1000 );

		const unsigned = form( now() );
		await expectRestError(
			await guest.post( url, {
				multipart: { ...unsigned, signature: '' },
			} ),
			401,
			'switchboard_webhook_unsigned'
		);
		await expectRestError(
			await guest.post( url, {
				multipart: form( now(), 'another-key' ),
			} ),
			401,
			'switchboard_webhook_signature'
		);
		await expectRestError(
			await guest.post( url, { multipart: form( now() - 3600 ) } ),
			401,
			'switchboard_webhook_stale'
		);
		const good = form( now() );
		await expectTicket(
			api,
			await guest.post( url, { multipart: good } ),
			subject
		);
		await expectRestError(
			await guest.post( url, { multipart: good } ),
			409,
			'switchboard_webhook_replay'
		);
	} );

	test( 'Postmark inbound JSON: Basic credentials required', async ( {
		api,
	} ) => {
		const guest = await api.as( 'guest' );
		const url = api.url( `${ NS }/email/inbound/postmark` );
		const subject = `Postmark webhook question p${ RUN }`;
		const payload = {
			From: 'lee@example.com',
			FromName: 'Lee Customer',
			FromFull: {
				Email: 'lee@example.com',
				Name: 'Lee Customer',
				MailboxHash: '',
			},
			To: 'support@shop.test',
			ToFull: [
				{ Email: 'support@shop.test', Name: '', MailboxHash: '' },
			],
			OriginalRecipient: 'support@shop.test',
			Subject: subject,
			MessageID: crypto.randomUUID(),
			Date: 'Mon, 23 Nov 2026 08:00:00 +0000',
			TextBody: 'Hello',
			HtmlBody: '',
			StrippedTextReply: '',
			Headers: [],
			Attachments: [],
			RawEmail: mime( subject ),
		};
		const basic = ( pair: string ) => ( {
			Authorization: `Basic ${ Buffer.from( pair ).toString(
				'base64'
			) }`,
		} );

		await expectRestError(
			await guest.post( url, { data: payload } ),
			401,
			'switchboard_webhook_unsigned'
		);
		await expectRestError(
			await guest.post( url, {
				data: payload,
				headers: basic( `postmark:${ SECRETS.postmark_password }x` ),
			} ),
			401,
			'switchboard_webhook_signature'
		);
		await expectTicket(
			api,
			await guest.post( url, {
				data: payload,
				headers: basic( `postmark:${ SECRETS.postmark_password }` ),
			} ),
			subject
		);
		// "Include raw email content" off: the message is rebuilt from the parsed fields.
		const parsedSubject = `Postmark parsed fields p${ RUN }`;
		await expectTicket(
			api,
			await guest.post( url, {
				data: {
					...payload,
					RawEmail: undefined,
					Subject: parsedSubject,
					MessageID: crypto.randomUUID(),
				},
				headers: basic( `postmark:${ SECRETS.postmark_password }` ),
			} ),
			parsedSubject
		);
		// Neither a raw message nor a sender nor content: nothing to import.
		await expectRestError(
			await guest.post( url, {
				data: { MessageID: crypto.randomUUID() },
				headers: basic( `postmark:${ SECRETS.postmark_password }` ),
			} ),
			400,
			'switchboard_webhook_no_mime'
		);
	} );

	test( 'SendGrid Inbound Parse, raw mode: URL token required', async ( {
		api,
	} ) => {
		const guest = await api.as( 'guest' );
		const subject = `SendGrid webhook question s${ RUN }`;
		const form = {
			dkim: '{@example.com : pass}',
			to: 'support@shop.test',
			from: 'Lee Customer <lee@example.com>',
			subject,
			sender_ip: '203.0.113.10',
			envelope: '{"to":["support@shop.test"],"from":"lee@example.com"}',
			charsets: '{"to":"UTF-8","from":"UTF-8","subject":"UTF-8"}',
			SPF: 'pass',
			spam_score: '0.0',
			email: mime( subject ),
		};
		const url = ( token?: string ) =>
			api.url( `${ NS }/email/inbound/sendgrid`, token ? { token } : {} );

		await expectRestError(
			await guest.post( url(), { multipart: form } ),
			401,
			'switchboard_webhook_unsigned'
		);
		await expectRestError(
			await guest.post( url( 'guessed' ), { multipart: form } ),
			401,
			'switchboard_webhook_signature'
		);
		// A signature header without a readable body does not stand in for the token.
		await expectRestError(
			await guest.post( url(), {
				multipart: form,
				headers: {
					'X-Twilio-Email-Event-Webhook-Timestamp': String(
						Math.floor( Date.now() / 1000 )
					),
					'X-Twilio-Email-Event-Webhook-Signature': 'MEUCIQ==',
				},
			} ),
			401,
			'switchboard_webhook_unsigned'
		);
		await expectTicket(
			api,
			await guest.post( url( SECRETS.sendgrid_token ), {
				multipart: form,
			} ),
			subject
		);
	} );
} );
