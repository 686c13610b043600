package backup

import (
	"crypto/rand"
	"errors"
	"fmt"

	"filippo.io/age"
	"golang.org/x/crypto/chacha20poly1305"

	rwcrypto "github.com/rewirejournal/rewire/crypto"
	"github.com/rewirejournal/rewire/journal"
)

// VaultStanza is the type of the age recipient stanza that wraps a
// backup's file key to the vault's own backup key ([journal.Vault.BackupKey]):
//
//	-> rewire-vault <vault id, 32 lower-case hex digits>
//	<base64 of: 24-byte random nonce || XChaCha20-Poly1305(file key) (16 + 16 bytes)>
//
// The wrap is XChaCha20-Poly1305 under the backup key, with the nonce
// given and the stanza's line "rewire-vault <vault id>" as associated data.
// The stock age tool does not know this type and skips it, so the
// recovery kit's X25519 stanza beside it opens the file as before.
const VaultStanza = "rewire-vault"

// vaultWrapSize is the size of a rewire-vault stanza's body.
const vaultWrapSize = chacha20poly1305.NonceSizeX + 16 + chacha20poly1305.Overhead

// errVaultStanza: the stanza names this vault but does not open with its
// key. The header MAC covers every stanza, so the kit would fail too.
var errVaultStanza = errors.New("its rewire-vault stanza fails authentication")

// vaultKey is a vault's backup key and id. key belongs to the caller, who
// wipes it once the backup is written or read.
type vaultKey struct {
	vault journal.ID
	key   *[rwcrypto.KeySize]byte
}

func (k vaultKey) ad() []byte { return []byte(VaultStanza + " " + k.vault.String()) }

// Wrap implements [age.Recipient]. It returns no labels, as age's X25519
// recipient does, so it mixes with the recovery kit's recipient; age
// refuses to mix it with a passphrase (scrypt) recipient.
func (k vaultKey) Wrap(fileKey []byte) ([]*age.Stanza, error) {
	aead, err := chacha20poly1305.NewX(k.key[:])
	if err != nil {
		return nil, fmt.Errorf("vault key: %w", err)
	}
	body := make([]byte, chacha20poly1305.NonceSizeX, vaultWrapSize)
	if _, err := rand.Read(body); err != nil {
		return nil, fmt.Errorf("vault key: %w", err)
	}
	body = aead.Seal(body, body, fileKey, k.ad())
	return []*age.Stanza{{Type: VaultStanza, Args: []string{k.vault.String()}, Body: body}}, nil
}

// Unwrap implements [age.Identity]. Stanzas of other types, and
// rewire-vault stanzas of other vaults, are not this key's
// ([age.ErrIncorrectIdentity]); a stanza of this vault that is malformed
// or fails authentication is damage (errVaultStanza), since only a holder
// of the key could have written it.
func (k vaultKey) Unwrap(stanzas []*age.Stanza) ([]byte, error) {
	id := k.vault.String()
	for _, s := range stanzas {
		if s.Type != VaultStanza || len(s.Args) == 0 || s.Args[0] != id {
			continue
		}
		if len(s.Args) != 1 || len(s.Body) != vaultWrapSize {
			return nil, errVaultStanza
		}
		aead, err := chacha20poly1305.NewX(k.key[:])
		if err != nil {
			return nil, fmt.Errorf("vault key: %w", err)
		}
		nonce, sealed := s.Body[:chacha20poly1305.NonceSizeX], s.Body[chacha20poly1305.NonceSizeX:]
		fileKey, err := aead.Open(nil, nonce, sealed, k.ad())
		if err != nil {
			return nil, errVaultStanza
		}
		return fileKey, nil
	}
	return nil, age.ErrIncorrectIdentity
}
