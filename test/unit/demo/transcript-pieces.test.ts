import { blockToHtml, mrkdwnToHtml } from '../../../src/app/demo/block-kit-html';
import { signIntercom, signJira, signSlack } from '../../../src/app/demo/webhooks';

const names = { user: (id: string) => (id === 'U0LUCIA001' ? 'Lucía Ferrer' : id), channel: (id: string) => (id === 'C06SOPMGR01' ? '#managers' : `#${id}`) };

describe('Block Kit drawn readably in the demo transcript', () => {
  it('turns mrkdwn into HTML: bold, italics, code, links, mentions, and escapes the rest', () => {
    expect(mrkdwnToHtml('*INC-482* pasó a _Done_ <https://x.example/INC-482|abrir> <@U0LUCIA001> <#C06SOPMGR01> `a<b`', names)).toBe(
      '<b>INC-482</b> pasó a <i>Done</i> <a href="https://x.example/INC-482">abrir</a> <span class="mention">@Lucía Ferrer</span> <span class="mention">#managers</span> <code>a&lt;b</code>',
    );
    expect(mrkdwnToHtml('línea 1\n<script>alert(1)</script>', names)).toBe('línea 1<br>&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('draws a section with fields and a button', () => {
    const html = blockToHtml({ type: 'section', text: { type: 'mrkdwn', text: '*Cliente*' }, fields: [{ type: 'mrkdwn', text: 'Plan' }, { type: 'plain_text', text: 'Gold' }], accessory: { type: 'button', text: { type: 'plain_text', text: 'Abrir' }, style: 'primary' } }, names);
    expect(html).toBe('<div class="bk-section"><div class="bk-accessory"><span class="btn primary">Abrir</span></div><div class="bk-text"><b>Cliente</b></div><div class="bk-fields"><div>Plan</div><div>Gold</div></div></div>');
  });
});

describe('webhook signatures the demo sends', () => {
  // Expected values computed independently with `openssl dgst -sha1 -hmac secret` and `-sha256`.
  it('signs Intercom with HMAC-SHA1, Jira with HMAC-SHA256 and Slack over v0:timestamp:body', () => {
    expect(signIntercom('{"a":1}', 'secret')).toBe('sha1=f8446672f033e4b2beafc5ca3a71eafcd2cafb6e');
    expect(signJira('{"a":1}', 'secret')).toBe('sha256=aa9e2e3575f5d7098b6caccd790888c36d5fdb63342a73bada2d6a51747a8494');
    expect(signSlack('a=1', 'secret', 1700000000)).toBe('v0=05eea7473e5156c8cfc819afa757db5fd5eaf52b70aa1b11c5b79b29b3c7bd65');
  });
});
