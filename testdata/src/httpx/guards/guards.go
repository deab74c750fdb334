// Package guards: early-return cache guards (design.md). A function that
// returns the cached value when it has one, and only then builds and
// stores it, is a lazy singleton or a keyed cache: what follows the
// guard is silent.
package guards

import (
	"io"
	"net/http"
	"sync"
	"time"
)

// A lego-like configuration and client: the configuration builds the
// HTTP client, the client is built on the configuration.
type Account struct{ Email string }

type Config struct {
	HTTPClient *http.Client
	User       *Account
}

func NewConfig(u *Account) *Config {
	return &Config{HTTPClient: &http.Client{Transport: &http.Transport{}}, User: u}
}

type Client struct{ cfg *Config }

func NewClient(cfg *Config) (*Client, error) { return &Client{cfg: cfg}, nil }

type Provider struct {
	mu      sync.Mutex
	client  *Client
	account *Account
	token   string
	expires time.Time
}

// getClient is a lazy singleton.
func (p *Provider) getClient() (*Client, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.client != nil {
		return p.client, nil
	}
	config := NewConfig(p.account)
	client, err := NewClient(config)
	if err != nil {
		return nil, err
	}
	p.client = client
	return client, nil
}

func fetch(c *http.Client, u string) string {
	resp, err := c.Get(u)
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// getToken caches a one-shot result for an hour.
func (p *Provider) getToken() string {
	if time.Now().Before(p.expires) {
		return p.token
	}
	c := &http.Client{Transport: &http.Transport{}}
	p.token = fetch(c, "https://login")
	p.expires = time.Now().Add(time.Hour)
	return p.token
}

// getTokenUncached returns the cached value when it is fresh but never
// stores one: no cache.
func (p *Provider) getTokenUncached() string {
	if time.Now().Before(p.expires) {
		return p.token
	}
	c := &http.Client{Transport: &http.Transport{}}
	return fetch(c, "https://login")
}

var (
	mu    sync.Mutex
	certs = map[string]string{}
)

// fetchCert caches a one-shot result per key.
func fetchCert(host string) string {
	mu.Lock()
	defer mu.Unlock()
	if b, ok := certs[host]; ok {
		return b
	}
	c := &http.Client{Transport: &http.Transport{}}
	b := fetch(c, "https://"+host)
	certs[host] = b
	return b
}

// fetchCertLookup binds the cached value before the guard.
func fetchCertLookup(host string) string {
	b, ok := certs[host]
	if ok {
		return b
	}
	c := &http.Client{Transport: &http.Transport{}}
	b = fetch(c, "https://"+host)
	certs[host] = b
	return b
}

// fetchCertNoStore looks the cache up but never fills it.
func fetchCertNoStore(host string) string {
	if b, ok := certs[host]; ok {
		return b
	}
	c := &http.Client{Transport: &http.Transport{}}
	return fetch(c, "https://"+host)
}

// notAGuard returns early on a condition that caches nothing.
func notAGuard(r *http.Request) string {
	if r.Method != http.MethodGet {
		return ""
	}
	c := &http.Client{Transport: &http.Transport{}}
	return fetch(c, "https://example.com")
}

// buildBeforeGuard builds before it looks the cache up.
func buildBeforeGuard(host string) string {
	c := &http.Client{Transport: &http.Transport{}}
	if b, ok := certs[host]; ok {
		return b
	}
	b := fetch(c, "https://"+host)
	certs[host] = b
	return b
}

func (p *Provider) Handle(w http.ResponseWriter, r *http.Request) {
	p.getClient()
	p.getToken()
	fetchCert(r.Host)
	fetchCertLookup(r.Host)
	p.getTokenUncached()     // want `^http.Transport built by Provider.getTokenUncached in HTTP handler Handle`
	fetchCertNoStore(r.Host) // want `^http.Transport built by fetchCertNoStore in HTTP handler Handle`
	notAGuard(r)             // want `^http.Transport built by notAGuard in HTTP handler Handle`
	buildBeforeGuard(r.Host) // want `^http.Transport built by buildBeforeGuard in HTTP handler Handle`
}
