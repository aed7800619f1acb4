// The Hosted Fields test page: a merchant-like page on its own loopback origin. It is filled in by the
// test-page work (issue 4); until then it only shows that no session has been handed to it.
const root = document.getElementById('testpage')
if (root && !location.hash) root.dataset['state'] = 'waiting'
