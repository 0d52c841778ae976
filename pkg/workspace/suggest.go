package workspace

import (
	"sync"

	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/suggest"
)

// suggestCache holds the did-you-mean indexes of the interviews, made on
// first use and kept between lint runs (the editor lints after every
// edit); Put drops them when an interview comes, goes or changes.
type suggestCache struct {
	mu        sync.Mutex
	ids, path *suggest.Index
}

func (c *suggestCache) drop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ids, c.path = nil, nil
}

// InterviewIDs is a did-you-mean index of the interviews' ids: safe for
// concurrent use; each caller makes its own Suggester of it.
func (ws *Workspace) InterviewIDs() *suggest.Index {
	ws.suggest.mu.Lock()
	defer ws.suggest.mu.Unlock()
	if ws.suggest.ids == nil {
		ws.suggest.ids = suggest.NewIndex(ws.IDs(model.KindInterview))
	}
	return ws.suggest.ids
}

// InterviewPaths is a did-you-mean index of the interviews'
// workspace-relative paths, as InterviewIDs.
func (ws *Workspace) InterviewPaths() *suggest.Index {
	ws.suggest.mu.Lock()
	defer ws.suggest.mu.Unlock()
	if ws.suggest.path == nil {
		interviews := ws.Entities(model.KindInterview)
		paths := make([]string, len(interviews))
		for i, d := range interviews {
			paths[i] = d.Path
		}
		ws.suggest.path = suggest.NewIndex(paths)
	}
	return ws.suggest.path
}

func isInterview(d *model.Document) bool { return d != nil && d.Kind == model.KindInterview }
